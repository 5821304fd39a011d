package org.perfdesk.exchange.crypto;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPrivateKey;
import org.bouncycastle.jcajce.provider.asymmetric.ec.BCECPublicKey;
import org.bouncycastle.jcajce.provider.asymmetric.ec.KeyFactorySpi;
import org.bouncycastle.jcajce.provider.asymmetric.ec.KeyPairGeneratorSpi;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.jce.spec.ECNamedCurveParameterSpec;
import org.bouncycastle.util.BigIntegers;

/**
 * SM2 on the curve sm2p256v1 (GB/T 32918, GM/T 0003), through Bouncy Castle's own classes (never its
 * whole provider, which takes seconds to build and is not registered): key pairs, signatures with
 * SM3 and the standard distinguishing ID {@code 1234567812345678} encoded as DER {@code SEQUENCE {r, s}}
 * (what OpenSSL writes and reads), public-key encryption in the order C1C3C2 encoded as the
 * GM/T 0009 {@code SM2Cipher} structure, and keys as standard SubjectPublicKeyInfo / PKCS#8 with the
 * algorithm id-ecPublicKey and the named curve 1.2.156.10197.1.301.
 *
 * <p>Keys are read strictly: only that algorithm and that named curve, a point on the curve, DER that
 * encodes back to the same bytes. A signing key and an encryption key are both SM2 keys; the suite
 * keeps them apart (two key pairs per workspace, as with intl-1 and as the signing and encryption certificates of
 * Chinese PKI).
 */
public final class Sm2 {
    /** The distinguishing ID both ends use for Z_A when none was agreed (GM/T 0009). */
    public static final String DISTINGUISHING_ID = "1234567812345678";
    /** DER of {@code SEQUENCE {INTEGER r, INTEGER s}} with r, s below n: at most 2 + 2 × 35 bytes. */
    public static final int MAX_SIGNATURE_LENGTH = 72;
    static final X9ECParameters CURVE = GMNamedCurves.getByOID(GMObjectIdentifiers.sm2p256v1);
    private static final ECDomainParameters DOMAIN = new ECNamedDomainParameters(GMObjectIdentifiers.sm2p256v1, CURVE);
    private static final ECParameterSpec SPEC = new ECNamedCurveParameterSpec("sm2p256v1", CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());
    private static final byte[] ID = DISTINGUISHING_ID.getBytes(StandardCharsets.US_ASCII);
    private static final int FIELD_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm2() {
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator g = new KeyPairGeneratorSpi.EC();
            g.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Bouncy Castle has no sm2p256v1", e);
        }
    }

    /** The DER signature of {@code data}: SM3 over Z_A (with the standard ID) and the data, then SM2. */
    public static byte[] sign(PrivateKey key, byte[] data) {
        return sign(key, data, RANDOM);
    }

    /** The same with the random source for k given: for the standard's example only. */
    static byte[] sign(PrivateKey key, byte[] data, SecureRandom random) {
        try {
            SM2Signer s = new SM2Signer();
            s.init(true, new ParametersWithID(new ParametersWithRandom(ECUtil.generatePrivateKeyParameter(requireSm2(key)),
                    random), ID));
            s.update(data, 0, data.length);
            return s.generateSignature();
        } catch (GeneralSecurityException | CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** False for a wrong signature, one that is not strict DER, too long, or a key that is not SM2. */
    public static boolean verify(PublicKey key, byte[] data, byte[] signature) {
        if (signature == null || signature.length > MAX_SIGNATURE_LENGTH || key == null || !isSm2(key.getEncoded())) {
            return false;
        }
        try {
            SM2Signer s = new SM2Signer();
            s.init(false, new ParametersWithID(ECUtil.generatePublicKeyParameter(key), ID));
            s.update(data, 0, data.length);
            return s.verifySignature(signature); // strict DER: it must encode back to the same bytes
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Encrypts {@code plaintext} for {@code recipient}: C1 (a fresh point kG), C3 = SM3(x2 ‖ M ‖ y2),
     * C2 = M ⊕ KDF(x2 ‖ y2), as {@code SM2Cipher ::= SEQUENCE {XCoordinate INTEGER, YCoordinate INTEGER,
     * HASH OCTET STRING (32), CipherText OCTET STRING}} (GM/T 0009), the form {@code openssl pkeyutl
     * -encrypt} writes.
     */
    public static byte[] encrypt(PublicKey recipient, byte[] plaintext) {
        return encrypt(recipient, plaintext, RANDOM);
    }

    /** The same with the random source for k given: for the standard's example only. */
    static byte[] encrypt(PublicKey recipient, byte[] plaintext, SecureRandom random) {
        try {
            SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
            engine.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(requireSm2(recipient)), random));
            byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
            return toAsn1(raw);
        } catch (GeneralSecurityException | InvalidCipherTextException e) {
            throw new IllegalStateException("SM2 encryption failed", e);
        }
    }

    /**
     * Decrypts an {@code SM2Cipher}.
     *
     * @throws GeneralSecurityException when it is not strict DER of that structure, C1 is not a point of
     *                                  the curve, or C3 does not match (changed, or for another key)
     */
    public static byte[] decrypt(PrivateKey key, byte[] sm2Cipher) throws GeneralSecurityException {
        byte[] raw = fromAsn1(sm2Cipher);
        try {
            SM2Engine engine = new SM2Engine(new SM3Digest(), SM2Engine.Mode.C1C3C2);
            engine.init(false, ECUtil.generatePrivateKeyParameter(requireSm2(key)));
            return engine.processBlock(raw, 0, raw.length);
        } catch (InvalidCipherTextException | IllegalArgumentException | IllegalStateException e) {
            throw new GeneralSecurityException("SM2 decryption failed", e);
        }
    }

    /** C1 (04 ‖ x ‖ y) ‖ C3 ‖ C2 as Bouncy Castle writes it → the GM/T 0009 structure. */
    private static byte[] toAsn1(byte[] raw) {
        int c1 = 1 + 2 * FIELD_BYTES;
        try {
            return new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 1 + FIELD_BYTES))),
                new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1 + FIELD_BYTES, c1))),
                new DEROctetString(Arrays.copyOfRange(raw, c1, c1 + Sm3.LENGTH)),
                new DEROctetString(Arrays.copyOfRange(raw, c1 + Sm3.LENGTH, raw.length))}).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] fromAsn1(byte[] der) throws GeneralSecurityException {
        if (der == null || der.length == 0) {
            throw new GeneralSecurityException("not an SM2Cipher in DER");
        }
        try {
            ASN1Sequence seq = ASN1Sequence.getInstance(ASN1Primitive.fromByteArray(der));
            if (seq == null || seq.size() != 4 || !Arrays.equals(seq.getEncoded(ASN1Encoding.DER), der)) {
                throw new GeneralSecurityException("not an SM2Cipher in DER");
            }
            BigInteger x = ASN1Integer.getInstance(seq.getObjectAt(0)).getValue();
            BigInteger y = ASN1Integer.getInstance(seq.getObjectAt(1)).getValue();
            byte[] c3 = ASN1OctetString.getInstance(seq.getObjectAt(2)).getOctets();
            byte[] c2 = ASN1OctetString.getInstance(seq.getObjectAt(3)).getOctets();
            if (x.signum() < 0 || y.signum() < 0 || x.bitLength() > 8 * FIELD_BYTES || y.bitLength() > 8 * FIELD_BYTES
                    || c3.length != Sm3.LENGTH || c2.length == 0) {
                throw new GeneralSecurityException("not an SM2Cipher of sm2p256v1 with SM3");
            }
            byte[] raw = new byte[1 + 2 * FIELD_BYTES + c3.length + c2.length];
            raw[0] = 0x04;
            BigIntegers.asUnsignedByteArray(x, raw, 1, FIELD_BYTES);
            BigIntegers.asUnsignedByteArray(y, raw, 1 + FIELD_BYTES, FIELD_BYTES);
            System.arraycopy(c3, 0, raw, 1 + 2 * FIELD_BYTES, c3.length);
            System.arraycopy(c2, 0, raw, 1 + 2 * FIELD_BYTES + c3.length, c2.length);
            return raw;
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new GeneralSecurityException("not an SM2Cipher in DER", e);
        }
    }

    /** Key id: the first 16 bytes of SM3 over the SubjectPublicKeyInfo DER, as 32 lower-case hex digits. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Sm3.hash(key.getEncoded()), 0, 16);
    }

    /**
     * An SM2 public key from its SubjectPublicKeyInfo DER.
     *
     * @throws IllegalArgumentException when it is not id-ecPublicKey on the named curve sm2p256v1 with a
     *                                  point of the curve, in DER that encodes back to the same bytes
     */
    public static PublicKey fromSpki(byte[] der) {
        if (der == null || !isSm2(der)) {
            throw new IllegalArgumentException("not an SM2 public key");
        }
        try {
            PublicKey key = new KeyFactorySpi.EC().generatePublic(SubjectPublicKeyInfo.getInstance(der));
            if (!Arrays.equals(key.getEncoded(), der)) {
                throw new IllegalArgumentException("not an SM2 public key in DER");
            }
            return key;
        } catch (IOException | IllegalStateException e) {
            throw new IllegalArgumentException("not an SM2 public key", e);
        }
    }

    /** An SM2 private key from its PKCS#8 form (as {@link PrivateKey#getEncoded()} gives it). */
    public static PrivateKey fromPkcs8(byte[] der) throws GeneralSecurityException {
        try {
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
            if (!isSm2(info.getPrivateKeyAlgorithm())) {
                throw new GeneralSecurityException("not an SM2 private key");
            }
            return new KeyFactorySpi.EC().generatePrivate(info);
        } catch (IOException | IllegalArgumentException | IllegalStateException | NullPointerException e) {
            throw new GeneralSecurityException("not an SM2 private key", e);
        }
    }

    /** The key pair of a known private scalar d (the standard's examples), public key dG. */
    static KeyPair pairOf(BigInteger d) {
        ECPublicKeyParameters pub = new ECPublicKeyParameters(CURVE.getG().multiply(d).normalize(), DOMAIN);
        return new KeyPair(new BCECPublicKey("EC", pub, SPEC, BouncyCastleProvider.CONFIGURATION),
                new BCECPrivateKey("EC", new ECPrivateKeyParameters(d, DOMAIN), null, SPEC,
                        BouncyCastleProvider.CONFIGURATION));
    }

    /** A public key from its affine coordinates. */
    static PublicKey publicKey(BigInteger x, BigInteger y) {
        return new BCECPublicKey("EC", new ECPublicKeyParameters(CURVE.getCurve().validatePoint(x, y), DOMAIN), SPEC,
                BouncyCastleProvider.CONFIGURATION);
    }

    private static <K extends java.security.Key> K requireSm2(K key) throws GeneralSecurityException {
        boolean sm2;
        try {
            sm2 = key instanceof PublicKey ? isSm2(key.getEncoded())
                    : isSm2(PrivateKeyInfo.getInstance(key.getEncoded()).getPrivateKeyAlgorithm());
        } catch (IllegalArgumentException | NullPointerException e) {
            sm2 = false;
        }
        if (!sm2) {
            throw new java.security.InvalidKeyException("not an SM2 key");
        }
        return key;
    }

    /** Whether a SubjectPublicKeyInfo DER names an SM2 key (id-ecPublicKey on sm2p256v1). */
    static boolean isSm2(byte[] spki) {
        try {
            return isSm2(SubjectPublicKeyInfo.getInstance(spki).getAlgorithm());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static boolean isSm2(AlgorithmIdentifier algorithm) {
        return X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())
                && algorithm.getParameters() instanceof ASN1ObjectIdentifier curve
                && GMObjectIdentifiers.sm2p256v1.equals(curve);
    }
}
