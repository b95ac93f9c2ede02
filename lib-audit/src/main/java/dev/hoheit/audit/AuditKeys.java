package dev.hoheit.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The controller's keys: an AES-256 master key that wraps every per-person and per-day key (R31),
 * and an Ed25519 key pair that signs checkpoints. Keep both outside the database.
 *
 * @param masterKey AES-256 key wrapping the data keys
 * @param signingKeys Ed25519 key pair signing checkpoints
 * @since 0.1
 */
public record AuditKeys(SecretKey masterKey, KeyPair signingKeys) {

    private static final String MASTER_FILE = "audit-master.key";
    private static final String SIGNING_FILE = "audit-signing.key";
    private static final String PUBLIC_FILE = "audit-signing.pub";

    /** Validates the keys. */
    public AuditKeys {
        Checks.required("master key", masterKey);
        Checks.required("signing keys", signingKeys);
        if (masterKey.getEncoded() == null || masterKey.getEncoded().length != 32) {
            throw Checks.invalid("the master key must be 256 bits");
        }
        if (!"Ed25519".equals(signingKeys.getPublic().getAlgorithm()) && !"EdDSA".equals(signingKeys.getPublic().getAlgorithm())) {
            throw Checks.invalid("the signing keys must be Ed25519, not " + signingKeys.getPublic().getAlgorithm());
        }
    }

    /** Fresh random keys (for tests, or the first start of an installation). */
    public static AuditKeys generate() {
        try {
            byte[] master = new byte[32];
            SecureRandom.getInstanceStrong().nextBytes(master);
            return new AuditKeys(new SecretKeySpec(master, "AES"), KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "cannot generate audit keys", e);
        }
    }

    /**
     * Loads the keys from {@code directory}, creating them (readable by the owner only) on first use.
     * Files: {@code audit-master.key}, {@code audit-signing.key} (PKCS#8), {@code audit-signing.pub} (X.509).
     */
    public static AuditKeys loadOrCreate(Path directory) {
        Path master = directory.resolve(MASTER_FILE);
        Path signing = directory.resolve(SIGNING_FILE);
        Path publicKey = directory.resolve(PUBLIC_FILE);
        try {
            if (!Files.exists(master) && !Files.exists(signing)) {
                Files.createDirectories(directory);
                AuditKeys keys = generate();
                writeSecret(master, keys.masterKey().getEncoded());
                writeSecret(signing, keys.signingKeys().getPrivate().getEncoded());
                Files.write(publicKey, keys.signingKeys().getPublic().getEncoded());
                return keys;
            }
            byte[] masterBytes = Files.readAllBytes(master);
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(signing)));
            PublicKey publicKeyValue = factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(publicKey)));
            AuditKeys keys = new AuditKeys(new SecretKeySpec(masterBytes, "AES"), new KeyPair(publicKeyValue, privateKey));
            Arrays.fill(masterBytes, (byte) 0);
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "cannot load the audit keys from " + directory, e);
        }
    }

    private static void writeSecret(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system; the directory's permissions protect the file.
        }
    }

    /** Id of the signing key: the first 16 hex digits of the SHA-256 of the public key. */
    public String keyId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(signingKeys.getPublic().getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "SHA-256 is missing", e);
        }
    }

    /** The public key in PEM form, to hand to auditors. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(signingKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public String toString() {
        return "AuditKeys[keyId=" + keyId() + "]";
    }
}
