package dev.hoheit.audit.tlog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Ed25519 keys as signed notes use them: the raw 32-byte public key, key IDs and verifier keys
 * ({@code <name>+<hex key ID>+<base64(type || public key)>}).
 */
final class NoteKeys {

    /** Signature type of Ed25519 note signatures (c2sp.org/signed-note). */
    static final byte TYPE_ED25519 = 0x01;
    /** Signature type of timestamped Ed25519 cosignatures (c2sp.org/tlog-cosignature). */
    static final byte TYPE_COSIGNATURE_V1 = 0x04;

    static final int PUBLIC_KEY_SIZE = 32;
    static final int SIGNATURE_SIZE = 64;

    /** The X.509 SubjectPublicKeyInfo header of an Ed25519 key; the raw key follows it. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    private static final byte[] KEY_CHECK = "hoheit key pair check".getBytes(StandardCharsets.US_ASCII);

    /** A parsed verifier key. */
    record VerifierKey(String name, int keyId, byte[] publicKey) {
    }

    private NoteKeys() {
    }

    /** The raw 32-byte key inside an Ed25519 public key's X.509 encoding. */
    static byte[] rawPublicKey(PublicKey key) {
        Objects.requireNonNull(key, "public key");
        byte[] encoded = key.getEncoded();
        if (encoded == null || encoded.length != X509_PREFIX.length + PUBLIC_KEY_SIZE
                || !Arrays.equals(encoded, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
            throw new TlogException("not an Ed25519 public key (" + key.getAlgorithm() + ")");
        }
        return Arrays.copyOfRange(encoded, X509_PREFIX.length, encoded.length);
    }

    /** The JDK public key for a raw 32-byte Ed25519 key. */
    static PublicKey publicKey(byte[] raw) {
        if (raw.length != PUBLIC_KEY_SIZE) {
            throw new TlogException("an Ed25519 public key has 32 bytes, not " + raw.length);
        }
        byte[] encoded = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + PUBLIC_KEY_SIZE);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, PUBLIC_KEY_SIZE);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new TlogException("not a valid Ed25519 public key", e);
        }
    }

    /** SHA-256(name || 0x0A || type || public key)[:4], big-endian. */
    static int keyId(String name, byte type, byte[] rawPublicKey) {
        MessageDigest sha256 = sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) '\n');
        sha256.update(type);
        sha256.update(rawPublicKey);
        return ByteBuffer.wrap(sha256.digest()).getInt();
    }

    static String verifierKey(String name, int keyId, byte type, byte[] rawPublicKey) {
        byte[] typed = new byte[1 + rawPublicKey.length];
        typed[0] = type;
        System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
        return name + "+" + NoteText.hex(keyId) + "+" + NoteText.encodeBase64(typed);
    }

    /** Parses a verifier key of signature type {@code type}, checking its name and key ID. */
    static VerifierKey parseVerifierKey(String verifierKey, byte type) {
        Objects.requireNonNull(verifierKey, "verifier key");
        int first = verifierKey.indexOf('+');
        int second = first < 0 ? -1 : verifierKey.indexOf('+', first + 1);
        if (second < 0) {
            throw new TlogException("verifier key " + NoteText.quote(verifierKey) + " is not <name>+<key ID>+<key>");
        }
        String name = NoteText.requireKeyName(verifierKey.substring(0, first));
        String hash = verifierKey.substring(first + 1, second);
        if (!hash.matches("[0-9a-f]{8}")) {
            throw new TlogException("verifier key " + NoteText.quote(verifierKey) + " has no 8-digit lower-case hex key ID");
        }
        int keyId = Integer.parseUnsignedInt(hash, 16);
        byte[] typed = NoteText.decodeBase64(verifierKey.substring(second + 1), "the key of verifier key " + name);
        if (typed.length == 0) {
            throw new TlogException("verifier key " + name + " has no key material");
        }
        if (typed[0] != type) {
            throw new TlogException("verifier key " + name + " has signature type 0x" + String.format("%02x", typed[0])
                    + ", expected 0x" + String.format("%02x", type) + typeHint(typed[0]));
        }
        byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
        if (raw.length != PUBLIC_KEY_SIZE) {
            throw new TlogException("verifier key " + name + " has a " + raw.length + "-byte key, expected 32");
        }
        if (keyId(name, type, raw) != keyId) {
            throw new TlogException("verifier key " + name + " has key ID " + hash + ", but its key has "
                    + NoteText.hex(keyId(name, type, raw)));
        }
        publicKey(raw);
        return new VerifierKey(name, keyId, raw);
    }

    private static String typeHint(byte type) {
        if (type == TYPE_ED25519) {
            return " (an Ed25519 note key: use NoteVerifier)";
        }
        if (type == TYPE_COSIGNATURE_V1) {
            return " (a cosignature key: use CosignatureVerifier)";
        }
        return "";
    }

    /** Checks that the pair is an Ed25519 key pair whose halves belong together; returns the raw public key. */
    static byte[] requireEd25519Pair(KeyPair keyPair) {
        Objects.requireNonNull(keyPair, "key pair");
        byte[] raw = rawPublicKey(keyPair.getPublic());
        PrivateKey privateKey = Objects.requireNonNull(keyPair.getPrivate(), "private key");
        byte[] signature;
        try {
            signature = sign(privateKey, KEY_CHECK);
        } catch (TlogException e) {
            throw new TlogException("not an Ed25519 private key (" + privateKey.getAlgorithm() + ")", e);
        }
        if (!verify(keyPair.getPublic(), KEY_CHECK, signature)) {
            throw new TlogException("the private key does not belong to the public key");
        }
        return raw;
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new TlogException("Ed25519 signing failed", e);
        }
    }

    /** Whether {@code signature} is a valid Ed25519 signature of {@code message}; false for any malformed input. */
    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_SIZE) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
