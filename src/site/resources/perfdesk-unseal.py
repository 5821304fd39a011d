#!/usr/bin/env python3
"""Decrypt a PerfDesk confidential package (perfdesk-package/2) by hand, without PerfDesk.

Usage:  python3 perfdesk-unseal.py PACKAGE.perfpkg KEYFILE.json OUTDIR
        (the key file's passphrase from PERFDESK_PASSPHRASE, else asked)

KEYFILE is the recipient workspace's keys/encryption-key.json (or an older one from keys/retired/).
Needs Python 3.8+ and the 'cryptography' package (pip install cryptography) for X25519 and AES-GCM;
HKDF and HPKE's labelled steps are written out below from RFC 5869 and RFC 9180 so they can be read.

This script does NOT check the signature: do that first with openssl (package-format.md §6); it
does check every entry's SHA-256 against the manifest, the GCM tags, and each decrypted entry's
size and SHA-256 against the sealed table of contents. See package-format.md §10.
"""
import base64, getpass, hashlib, hmac, json, os, re, sys, zipfile, zlib

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import load_der_private_key, Encoding, PublicFormat

LABEL = b"perfdesk-package/2"
KEM_SUITE = b"KEM" + (0x0020).to_bytes(2, "big")
HPKE_SUITE = b"HPKE" + (0x0020).to_bytes(2, "big") + (0x0001).to_bytes(2, "big") + (0x0002).to_bytes(2, "big")


def extract(salt, ikm):                                   # RFC 5869 HKDF-Extract, SHA-256
    return hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()


def expand(prk, info, length):                            # RFC 5869 HKDF-Expand
    out, t, i = b"", b"", 1
    while len(out) < length:
        t = hmac.new(prk, t + info + bytes([i]), hashlib.sha256).digest()
        out, i = out + t, i + 1
    return out[:length]


def labeled_extract(suite, salt, label, ikm):             # RFC 9180 §4
    return extract(salt, b"HPKE-v1" + suite + label + ikm)


def labeled_expand(suite, prk, label, info, length):
    return expand(prk, length.to_bytes(2, "big") + b"HPKE-v1" + suite + label + info, length)


def hpke_open(sk, enc, info, ct):
    """OpenBase for DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, empty aad (RFC 9180 §5.1)."""
    dh = sk.exchange(X25519PublicKey.from_public_bytes(enc))
    pk_rm = sk.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    eae_prk = labeled_extract(KEM_SUITE, b"", b"eae_prk", dh)
    shared = labeled_expand(KEM_SUITE, eae_prk, b"shared_secret", enc + pk_rm, 32)
    ctx = (b"\x00" + labeled_extract(HPKE_SUITE, b"", b"psk_id_hash", b"")
           + labeled_extract(HPKE_SUITE, b"", b"info_hash", info))
    secret = labeled_extract(HPKE_SUITE, shared, b"secret", b"")
    key = labeled_expand(HPKE_SUITE, secret, b"key", ctx, 32)
    nonce = labeled_expand(HPKE_SUITE, secret, b"base_nonce", ctx, 12)
    return AESGCM(key).decrypt(nonce, ct, b"")


def open_entry(content_key, package_id, index, sealed):
    """AES-256-GCM, nonce = index as 12 big-endian bytes, aad = 'perfdesk-package/2|<id>|<index>'; then raw inflate."""
    aad = LABEL + b"|" + package_id.encode() + b"|" + str(index).encode()
    compressed = AESGCM(content_key).decrypt(index.to_bytes(12, "big"), sealed, aad)
    return zlib.decompress(compressed, -15)


def unlock(key_file, passphrase):
    """keys/encryption-key.json: PBKDF2-HMAC-SHA256 → AES-256-GCM over the PKCS#8 key, aad = the key id."""
    k = json.load(open(key_file, encoding="utf-8"))
    if k["format"] != "perfdesk-encryption-key/1":
        sys.exit("not an encryption key file: " + k["format"])
    kek = hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), base64.b64decode(k["salt"]), k["iterations"], 32)
    pkcs8 = AESGCM(kek).decrypt(base64.b64decode(k["iv"]), base64.b64decode(k["encryptedPrivateKey"]),
                                k["keyId"].encode("ascii"))
    return k["keyId"], load_der_private_key(pkcs8, None)


def main(package, key_file, out_dir):
    z = zipfile.ZipFile(package)
    raw_manifest = z.read("manifest.json")
    m = json.loads(raw_manifest)
    if m["format"] != "perfdesk-package/2":
        sys.exit("not an encrypted package (format %s): unzip it as it is" % m["format"])
    for e in m["entries"]:                                 # the (signed) manifest covers every entry
        data = z.read(e["path"])
        if len(data) != e["size"] or hashlib.sha256(data).hexdigest() != e["sha256"]:
            sys.exit("entry %s differs from the manifest: do not use this package" % e["path"])
    passphrase = os.environ.get("PERFDESK_PASSPHRASE") or getpass.getpass("passphrase: ")
    key_id, sk = unlock(key_file, passphrase)
    wrapped = {w["keyId"]: w for w in json.loads(z.read("sealed/keys.json"))["keys"]}
    if key_id not in wrapped:
        sys.exit("this package is not encrypted for key %s; it is for %s" % (key_id, ", ".join(
            r["code"] + " " + r["keyId"] for r in m["encryption"]["recipients"])))
    w = wrapped[key_id]
    info = LABEL + b"|" + m["packageId"].encode() + b"|" + m["sender"]["keyId"].encode() + b"|" + key_id.encode()
    content_key = hpke_open(sk, base64.b64decode(w["enc"]), info, base64.b64decode(w["wrappedKey"]))
    contents = json.loads(open_entry(content_key, m["packageId"], 0, z.read("sealed/00000")))
    for i, e in enumerate(contents["entries"], start=1):
        if not re.fullmatch(r"payload/[a-z][a-z-]{0,40}\.json|attachments/[0-9a-f]{64}|inner/[0-9a-f-]{36}\.perfpkg",
                            e["path"]):
            sys.exit("unexpected entry name " + e["path"])
        data = open_entry(content_key, m["packageId"], i, z.read("sealed/%05d" % i))
        if len(data) != e["size"] or hashlib.sha256(data).hexdigest() != e["sha256"]:
            sys.exit("decrypted %s differs from the table of contents" % e["path"])
        target = os.path.join(out_dir, *e["path"].split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data)
        print("%s  %s" % (e["sha256"], e["path"]))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
