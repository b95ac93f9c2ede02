package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import dev.hoheit.audit.tlog.NoteSigner;
import dev.hoheit.audit.tlog.NoteVerifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The controller's keys: an AES-256 master key that wraps every per-person and per-day key,
 * and an Ed25519 key pair that signs checkpoints. Keep both outside the database.
 *
 * <p>The signing key can be replaced ({@link #rotateSigningKey(Path)}); the public keys of earlier
 * signing keys stay known as {@code retiredSigningKeys}, so checkpoints they signed still verify.
 * Each checkpoint names its key by {@link #keyIdOf(PublicKey) key id}.
 *
 * @param masterKey AES-256 key wrapping the data keys
 * @param signingKeys Ed25519 key pair signing new checkpoints
 * @param retiredSigningKeys public keys that signed earlier checkpoints (may be empty; the order carries no meaning)
 * @since 0.1
 */
public record AuditKeys(SecretKey masterKey, KeyPair signingKeys, List<PublicKey> retiredSigningKeys) {

    private static final String MASTER_FILE = "audit-master.key";
    private static final String SIGNING_FILE = "audit-signing.key";
    private static final String PUBLIC_FILE = "audit-signing.pub";
    private static final String RETIRED_DIRECTORY = "audit-signing-retired";

    /** Validates the keys. */
    public AuditKeys {
        CHECKS.required("master key", masterKey);
        CHECKS.required("signing keys", signingKeys);
        CHECKS.required("retired signing keys", retiredSigningKeys);
        retiredSigningKeys = List.copyOf(retiredSigningKeys);
        if (masterKey.getEncoded() == null || masterKey.getEncoded().length != 32) {
            throw CHECKS.invalid("the master key must be 256 bits");
        }
        if (!"Ed25519".equals(signingKeys.getPublic().getAlgorithm()) && !"EdDSA".equals(signingKeys.getPublic().getAlgorithm())) {
            throw CHECKS.invalid("the signing keys must be Ed25519, not " + signingKeys.getPublic().getAlgorithm());
        }
    }

    /** Keys with no retired signing key. */
    public AuditKeys(SecretKey masterKey, KeyPair signingKeys) {
        this(masterKey, signingKeys, List.of());
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
     * Files: {@code audit-master.key}, {@code audit-signing.key} (PKCS#8), {@code audit-signing.pub}
     * (X.509), and the public keys of retired signing keys in {@code audit-signing-retired/<key id>.pub}.
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
            AuditKeys keys = new AuditKeys(new SecretKeySpec(masterBytes, "AES"), new KeyPair(publicKeyValue, privateKey),
                    readRetired(directory.resolve(RETIRED_DIRECTORY), factory));
            Arrays.fill(masterBytes, (byte) 0);
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "cannot load the audit keys from " + directory, e);
        }
    }

    /**
     * Replaces the signing key in {@code directory} (made by {@link #loadOrCreate(Path)}) with a new
     * one, for a scheduled rotation or after a suspected leak. The old public key is kept in
     * {@code audit-signing-retired/} first, so checkpoints it signed still verify; publish the new
     * public key to auditors. The master key stays. Restart the audit log with the returned keys.
     *
     * @return the keys with the new signing key, the old one retired
     */
    public static AuditKeys rotateSigningKey(Path directory) {
        AuditKeys current = loadOrCreate(directory);
        try {
            Path retired = directory.resolve(RETIRED_DIRECTORY);
            Files.createDirectories(retired);
            Path kept = retired.resolve(current.keyId() + ".pub");
            if (!Files.exists(kept)) {
                Files.write(kept, current.signingKeys().getPublic().getEncoded());
            }
            KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // Written beside the old files and moved over them, so a crash leaves one whole key pair.
            Path newSigning = directory.resolve(SIGNING_FILE + ".new");
            Path newPublic = directory.resolve(PUBLIC_FILE + ".new");
            Files.deleteIfExists(newSigning);
            writeSecret(newSigning, fresh.getPrivate().getEncoded());
            Files.write(newPublic, fresh.getPublic().getEncoded());
            Files.move(newPublic, directory.resolve(PUBLIC_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(newSigning, directory.resolve(SIGNING_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | GeneralSecurityException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "cannot rotate the signing key in " + directory, e);
        }
        return loadOrCreate(directory);
    }

    private static List<PublicKey> readRetired(Path directory, KeyFactory factory) throws IOException, GeneralSecurityException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> files;
        try (var listing = Files.list(directory)) {
            files = listing.filter(file -> file.getFileName().toString().endsWith(".pub"))
                    .sorted().toList();
        }
        List<PublicKey> keys = new ArrayList<>();
        for (Path file : files) {
            keys.add(factory.generatePublic(new X509EncodedKeySpec(Files.readAllBytes(file))));
        }
        return keys;
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
        return keyIdOf(signingKeys.getPublic());
    }

    /** The id of a public key: the first 16 hex digits of the SHA-256 of its X.509 encoding. */
    public static String keyIdOf(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new AuditException(AuditException.Problem.CRYPTO, "SHA-256 is missing", e);
        }
    }

    /** Every public key checkpoints may be signed with, by key id: the current one and the retired ones. */
    public Map<String, PublicKey> verificationKeys() {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (PublicKey retired : retiredSigningKeys) {
            keys.put(keyIdOf(retired), retired);
        }
        keys.put(keyId(), signingKeys.getPublic());
        return Collections.unmodifiableMap(keys);
    }

    /**
     * The signer of checkpoints for a log named {@code origin}: a C2SP signed-note Ed25519 key whose
     * name is the origin.
     *
     * @since 0.2
     */
    public NoteSigner noteSigner(String origin) {
        return NoteSigner.ed25519(origin, signingKeys);
    }

    /**
     * Note verifiers for every key that may have signed checkpoints of {@code origin}: the current
     * signing key first, then the retired ones.
     *
     * @since 0.2
     */
    public List<NoteVerifier> noteVerifiers(String origin) {
        List<NoteVerifier> verifiers = new ArrayList<>();
        verifiers.add(NoteVerifier.ed25519(origin, signingKeys.getPublic()));
        for (PublicKey retired : retiredSigningKeys) {
            verifiers.add(NoteVerifier.ed25519(origin, retired));
        }
        return List.copyOf(verifiers);
    }

    /** The public key in PEM form, to hand to auditors. */
    public String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(signingKeys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    @Override
    public String toString() {
        return "AuditKeys[keyId=" + keyId() + ", retired=" + retiredSigningKeys.size() + "]";
    }
}
