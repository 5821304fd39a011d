package org.perfdesk.exchange.pkg;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;

import javax.crypto.AEADBadTagException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.perfdesk.domain.Texts;
import org.perfdesk.exchange.crypto.Ed25519;
import org.perfdesk.exchange.crypto.Envelope;
import org.perfdesk.exchange.crypto.KeyRing;
import org.perfdesk.exchange.crypto.Suite;

/**
 * A confidential package's entries (package-format.md §10): {@code sealed/keys.json} holds the
 * content key wrapped for each recipient; {@code sealed/00000} the sealed table of contents (the
 * real entry names, sizes and hashes); {@code sealed/00001}… the sealed entries in its order. The
 * manifest lists and hashes these sealed entries, so the signature and hashes are checked first,
 * exactly as for a package in the clear; only then is anything decrypted.
 *
 * <p>All of it follows the package's suite ({@link Suite}): intl-1 writes {@code perfdesk-wrapped-keys/1}
 * and {@code perfdesk-contents/1} (HPKE, AES-256-GCM, SHA-256) as always; gm-1 writes version 2 of both,
 * which name the suite ({@code suite}), with SM2-wrapped keys (no {@code enc}), SM4-GCM and SM3.
 */
public final class Sealed {
    public static final String KEYS_FORMAT = "perfdesk-wrapped-keys/1";
    public static final String CONTENTS_FORMAT = "perfdesk-contents/1";
    /** The same, naming their suite: every suite but intl-1 (whose structures keep version 1). */
    public static final String KEYS_FORMAT_V2 = "perfdesk-wrapped-keys/2";
    public static final String CONTENTS_FORMAT_V2 = "perfdesk-contents/2";

    private Sealed() {
    }

    /** {@code sealed/keys.json}; {@code suite} in version 2 only. */
    @JsonPropertyOrder({"format", "suite", "keys"})
    public record WrappedKeys(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String suite,
                              List<WrappedKey> keys) {
        public WrappedKeys(String format, List<WrappedKey> keys) {
            this(format, null, keys);
        }
    }

    /**
     * The content key for one recipient: its encryption key id, HPKE's enc (intl-1; gm-1 has none, C1 is
     * inside the SM2 ciphertext) and the wrapped key (base64).
     */
    @JsonPropertyOrder({"keyId", "enc", "wrappedKey"})
    public record WrappedKey(String keyId, @JsonInclude(JsonInclude.Include.NON_NULL) String enc, String wrappedKey) {
    }

    /** {@code sealed/00000} once decrypted: the entries as a package in the clear would list them. */
    @JsonPropertyOrder({"format", "suite", "entries"})
    public record Contents(String format, @JsonInclude(JsonInclude.Include.NON_NULL) String suite,
                           List<Manifest.Entry> entries) {
        public Contents(String format, List<Manifest.Entry> entries) {
            this(format, null, entries);
        }
    }

    private static String keysFormat(Suite suite) {
        return suite == Suite.INTL ? KEYS_FORMAT : KEYS_FORMAT_V2;
    }

    private static String contentsFormat(Suite suite) {
        return suite == Suite.INTL ? CONTENTS_FORMAT : CONTENTS_FORMAT_V2;
    }

    private static String suiteField(Suite suite) {
        return suite == Suite.INTL ? null : suite.id();
    }

    /** The other suite (for naming what a package mixed in). */
    private static Suite other(Suite suite) {
        return suite == Suite.GM ? Suite.INTL : Suite.GM;
    }

    /** A recipient to seal for: its unit code and encryption key. */
    public record Recipient(String code, PublicKey key) {
    }

    /** What sealing gives the writer: the sealed entries, in order, and the manifest's encryption block. */
    record Sealing(List<PackageWriter.Source> sources, Manifest.Encryption encryption) {
    }

    static Sealing seal(Suite suite, String packageId, String senderKeyId, List<Recipient> recipients,
                        List<PackageWriter.Source> plain) throws IOException {
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("a sealed package needs a recipient");
        }
        byte[] contentKey = suite.newContentKey();
        try {
            for (PackageWriter.Source s : plain) {
                if (!EntryNames.isPayload(s.path()) || EntryNames.isSealed(s.path())) {
                    throw new IllegalArgumentException("not a payload entry name: " + s.path());
                }
            }
            // Entries are independent (own nonce, own hash): hashed and sealed on every core.
            List<Manifest.Entry> contents = new ArrayList<>();
            List<byte[]> sealed = new ArrayList<>();
            sealed.add(null); // the table of contents, sealed last
            List<Parallel.Task<Object[]>> tasks = new ArrayList<>();
            for (int i = 0; i < plain.size(); i++) {
                PackageWriter.Source s = plain.get(i);
                int index = i + 1;
                tasks.add(() -> {
                    PackingStream.Packed packed = s.packed();
                    if (packed != null && packed.suite() == suite) {
                        // Hashed and compressed while it was written: only the encryption is left.
                        return new Object[] {Manifest.Entry.of(suite, s.path(), packed.plain().length, packed.hash()),
                            suite.sealDeflated(contentKey, packageId, index, packed.deflated())};
                    }
                    byte[] bytes = s.bytes() != null ? s.bytes() : Files.readAllBytes(s.file());
                    return new Object[] {Manifest.Entry.of(suite, s.path(), bytes.length, Hashing.hash(suite, bytes)),
                        suite.seal(contentKey, packageId, index, bytes)};
                });
            }
            for (Object[] done : Parallel.run(tasks)) {
                contents.add((Manifest.Entry) done[0]);
                sealed.add((byte[]) done[1]);
            }
            sealed.set(0, suite.seal(contentKey, packageId, 0,
                    StrictJson.write(new Contents(contentsFormat(suite), suiteField(suite), contents))));
            List<WrappedKey> wrapped = new ArrayList<>();
            List<Manifest.Recipient> named = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Recipient r : recipients) {
                Envelope.Wrapped w = suite.wrap(contentKey, r.key(), packageId, senderKeyId);
                if (seen.add(w.keyId())) {
                    wrapped.add(new WrappedKey(w.keyId(), w.enc() == null ? null : b64(w.enc()), b64(w.wrappedKey())));
                    named.add(new Manifest.Recipient(r.code(), w.keyId()));
                }
            }
            List<PackageWriter.Source> out = new ArrayList<>();
            out.add(PackageWriter.Source.of(EntryNames.SEALED_KEYS,
                    StrictJson.write(new WrappedKeys(keysFormat(suite), suiteField(suite), wrapped))));
            for (int i = 0; i < sealed.size(); i++) {
                out.add(PackageWriter.Source.of(EntryNames.sealed(i), sealed.get(i)));
            }
            return new Sealing(out, new Manifest.Encryption(suite.envelopeScheme(), named));
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /** Checks what the manifest says about a sealed package of {@code suite}. */
    static void checkManifest(Manifest m, Suite suite) {
        Manifest.Encryption e = m.encryption();
        if (e == null || e.recipients() == null || e.recipients().isEmpty()) {
            throw new PackageException("bad-manifest", Manifest.MANIFEST);
        }
        if (!suite.envelopeScheme().equals(e.scheme())) {
            if (other(suite).envelopeScheme().equals(e.scheme())) {
                throw PackageReader.mixed(suite, Texts.t("suite.part.envelope", e.scheme()), other(suite));
            }
            throw new PackageException("unknown-format", String.valueOf(e.scheme()));
        }
        Set<String> ids = new HashSet<>();
        for (Manifest.Recipient r : e.recipients()) {
            if (r == null || r.code() == null || r.keyId() == null || !r.keyId().matches("[0-9a-f]{32}")
                    || !ids.add(r.keyId())) {
                throw new PackageException("bad-manifest", Manifest.MANIFEST);
            }
        }
        // Exactly keys.json and sealed/00000 … sealed/n, nothing in the clear.
        Set<String> paths = new HashSet<>();
        for (Manifest.Entry entry : m.entries()) {
            if (!EntryNames.isSealed(entry.path())) {
                throw new PackageException("bad-manifest", entry.path());
            }
            paths.add(entry.path());
        }
        int sealed = paths.size() - 1;
        if (!paths.contains(EntryNames.SEALED_KEYS) || sealed < 1) {
            throw new PackageException("bad-manifest", Manifest.MANIFEST);
        }
        for (int i = 0; i < sealed; i++) {
            if (!paths.contains(EntryNames.sealed(i))) {
                throw new PackageException("bad-manifest", EntryNames.sealed(i));
            }
        }
    }

    /**
     * The content key, opened with whichever of {@code keys} the package was sealed for.
     *
     * @throws PackageException {@code wrapped-keys-mismatch} when the wrapped keys are not exactly those
     *                          of the recipients the signed manifest names, {@code no-decryption-key}
     *                          when none of them is ours, {@code bad-wrapped-key} when ours does not open
     */
    public static byte[] contentKey(PackageReader.Opened opened, KeyRing keys) {
        Manifest m = opened.manifest();
        Map<String, WrappedKey> wrapped = wrappedKeys(opened);
        Set<String> named = new LinkedHashSet<>();
        m.encryption().recipients().forEach(r -> named.add(r.keyId()));
        for (String id : named) {
            if (!wrapped.containsKey(id)) {
                throw new PackageException("wrapped-keys-mismatch", recipientName(m, id));
            }
        }
        for (String id : wrapped.keySet()) {
            if (!named.contains(id)) {
                throw new PackageException("wrapped-keys-mismatch", Ed25519.fingerprintOf(id));
            }
        }
        Suite suite = opened.suite();
        for (String id : named) {
            KeyPair pair = keys.find(suite, id);
            if (pair == null) {
                continue;
            }
            WrappedKey w = wrapped.get(id);
            try {
                return suite.unwrap(new Envelope.Wrapped(id, w.enc() == null ? null : unb64(w.enc()),
                        unb64(w.wrappedKey())), pair, m.packageId(), m.sender().keyId());
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new PackageException(e, "bad-wrapped-key", recipientName(m, id));
            }
        }
        StringBuilder who = new StringBuilder();
        for (String id : named) {
            who.append(who.length() == 0 ? "" : org.perfdesk.domain.Texts.t("pkg.listSeparator")).append(recipientName(m, id));
        }
        throw new PackageException("no-decryption-key", who.toString());
    }

    private static Map<String, WrappedKey> wrappedKeys(PackageReader.Opened opened) {
        byte[] bytes = opened.entry(EntryNames.SEALED_KEYS);
        if (bytes == null) {
            throw new PackageException("missing-entry", EntryNames.SEALED_KEYS);
        }
        WrappedKeys keys = StrictJson.read(bytes, WrappedKeys.class, EntryNames.SEALED_KEYS);
        Suite suite = opened.suite();
        if (!keysFormat(suite).equals(keys.format()) || !java.util.Objects.equals(suiteField(suite), keys.suite())) {
            if (keysFormat(other(suite)).equals(keys.format())
                    && java.util.Objects.equals(suiteField(other(suite)), keys.suite())) {
                throw PackageReader.mixed(suite, Texts.t("suite.part.wrappedKeys"), other(suite));
            }
            throw new PackageException("bad-wrapped-key", EntryNames.SEALED_KEYS);
        }
        if (keys.keys() == null) {
            throw new PackageException("bad-wrapped-key", EntryNames.SEALED_KEYS);
        }
        Map<String, WrappedKey> out = new LinkedHashMap<>();
        for (WrappedKey k : keys.keys()) {
            // HPKE's enc belongs to intl-1's wrapping; gm-1's SM2 ciphertext carries its own C1
            if (k == null || k.keyId() == null || (k.enc() == null) != (suite == Suite.GM) || k.wrappedKey() == null
                    || out.put(k.keyId(), k) != null) {
                throw new PackageException("bad-wrapped-key", EntryNames.SEALED_KEYS);
            }
        }
        return out;
    }

    private static String recipientName(Manifest m, String keyId) {
        for (Manifest.Recipient r : m.encryption().recipients()) {
            if (r.keyId().equals(keyId)) {
                return named(r.code(), keyId);
            }
        }
        return Ed25519.fingerprintOf(keyId);
    }

    /** Decrypts with whichever of {@code keys} the package was sealed for; see {@link #open(PackageReader.Opened, byte[], Limits)}. */
    public static PackageReader.Opened open(PackageReader.Opened opened, KeyRing keys, Limits limits) {
        byte[] contentKey = contentKey(opened, keys);
        try {
            return open(opened, contentKey, limits);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /**
     * The package as its sender wrote it: the table of contents decrypted and checked like a manifest
     * (allowed names, each once, within the limits), then every entry decrypted, unpacked to exactly
     * its size and compared with its hash (the suite's). A changed byte fails the GCM tag ({@code decryption-failed}).
     */
    public static PackageReader.Opened open(PackageReader.Opened opened, byte[] contentKey, Limits limits) {
        Manifest m = opened.manifest();
        Suite suite = opened.suite();
        String id = m.packageId();
        Contents contents;
        try {
            contents = StrictJson.read(suite.openAtMost(contentKey, id, 0, entry(opened, EntryNames.sealed(0)),
                    limits.maxManifestSize()), Contents.class, EntryNames.sealed(0));
        } catch (AEADBadTagException | DataFormatException e) {
            throw new PackageException(e, "decryption-failed", EntryNames.sealed(0));
        }
        int count = m.entries().size() - 2;
        if (!contentsFormat(suite).equals(contents.format())
                || !java.util.Objects.equals(suiteField(suite), contents.suite())) {
            if (contentsFormat(other(suite)).equals(contents.format())) {
                throw PackageReader.mixed(suite, Texts.t("suite.part.contents"), other(suite));
            }
            throw new PackageException("bad-manifest", EntryNames.sealed(0));
        }
        if (contents.entries() == null || contents.entries().size() != count) {
            throw new PackageException("bad-manifest", EntryNames.sealed(0));
        }
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Manifest.Entry e : contents.entries()) {
            if (e != null && e.hashedOtherThan(suite)) {
                throw PackageReader.mixed(suite, Texts.t("suite.part.entryHash", String.valueOf(e.path())),
                        other(suite));
            }
            if (e == null || e.path() == null || !e.hashedWith(suite) || e.size() < 0) {
                throw new PackageException("bad-manifest", EntryNames.sealed(0));
            }
            if (EntryNames.isUnsafe(e.path()) || !EntryNames.isPayload(e.path()) || EntryNames.isSealed(e.path())) {
                throw new PackageException("unsafe-entry-name", e.path());
            }
            if (!seen.add(e.path())) {
                throw new PackageException("duplicate-entry", e.path());
            }
            long bound = e.path().endsWith(".json") ? limits.maxJsonSize() : limits.maxEntrySize();
            total += e.size();
            if (e.size() > bound || total > limits.maxTotalSize()) {
                throw new PackageException("zip-bomb", e.path());
            }
        }
        // Entries are independent (own nonce, own hash): opened and hashed on every core; the first
        // refusal in entry order is the one reported, as when they were opened one after the other.
        List<Parallel.Task<byte[]>> tasks = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Manifest.Entry e = contents.entries().get(i - 1);
            byte[] sealedBytes = entry(opened, EntryNames.sealed(i));
            int index = i;
            tasks.add(() -> {
                byte[] bytes;
                try {
                    bytes = suite.open(contentKey, id, index, sealedBytes, e.size());
                } catch (AEADBadTagException | DataFormatException ex) {
                    throw new PackageException(ex, "decryption-failed", EntryNames.sealed(index));
                }
                if (!Hashing.hash(suite, bytes).equals(e.hash())) {
                    throw new PackageException("hash-mismatch", e.path());
                }
                return bytes;
            });
        }
        List<byte[]> opens;
        try {
            opens = Parallel.run(tasks);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // the tasks read no file
        }
        Map<String, byte[]> plain = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            plain.put(contents.entries().get(i).path(), opens.get(i));
        }
        return opened.withEntries(java.util.Collections.unmodifiableMap(plain));
    }

    private static byte[] entry(PackageReader.Opened opened, String path) {
        byte[] bytes = opened.entry(path);
        if (bytes == null) {
            throw new PackageException("missing-entry", path);
        }
        return bytes;
    }

    /** The recipients a sealed package names, as "code (fingerprint)", for messages. */
    public static List<String> recipients(Manifest m) {
        List<String> out = new ArrayList<>();
        if (m.encryption() != null) {
            m.encryption().recipients().forEach(r -> out.add(named(r.code(), r.keyId())));
        }
        return out;
    }

    private static String named(String code, String keyId) {
        return org.perfdesk.domain.Texts.t("pkg.nameWithCode", code, Ed25519.fingerprintOf(keyId));
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    private static byte[] unb64(String s) {
        return Base64.getDecoder().decode(s);
    }
}
