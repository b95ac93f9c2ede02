package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.NoteSigner;
import dev.hoheit.audit.tlog.TlogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The witness's private key file, in the signer-key format of golang.org/x/mod/sumdb/note:
 * {@code PRIVATE+KEY+<name>+<hex key ID>+<base64(0x01 || 32-byte Ed25519 seed)>} on one line, the key
 * ID being that of the Ed25519 note key (type 0x01). Go's {@code note.NewSigner} and
 * transparency-dev's {@code NewSignerForCosignatureV1} read the same file; the witness uses the key
 * for cosignatures only, whose key ID (type 0x04) differs.
 *
 * <p>The file is created with owner-only permissions and refused if others may read it.
 */
final class WitnessKeyFile {

    private static final String PREFIX = "PRIVATE+KEY+";
    private static final int SEED_SIZE = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    /** A key read from a file or created in it. */
    record Key(String name, KeyPair keyPair, boolean created) {
    }

    private WitnessKeyFile() {
    }

    /**
     * Reads the key in {@code file}, or creates one named {@code name} if the file does not exist.
     *
     * @param name the witness's key name; required to create the file, and if given it must match the file's
     * @throws IOException if the file cannot be read or written, is malformed, or others may read it
     */
    static Key loadOrCreate(Path file, String name) throws IOException {
        if (Files.exists(file)) {
            requireOwnerOnly(file);
            Key key = parse(Files.readString(file, StandardCharsets.US_ASCII).strip(), file);
            if (name != null && !name.equals(key.name())) {
                throw new IOException("the key in " + file + " is named " + key.name() + ", not " + name);
            }
            return key;
        }
        if (name == null) {
            throw new IOException("no key file at " + file + ": pass --name to create one");
        }
        byte[] seed = new byte[SEED_SIZE];
        new SecureRandom().nextBytes(seed);
        KeyPair keyPair = keyPairFromSeed(seed);
        write(file, format(name, seed, keyPair));
        return new Key(name, keyPair, true);
    }

    static String format(String name, byte[] seed, KeyPair keyPair) {
        int keyId = NoteSigner.ed25519(name, keyPair).keyId();
        byte[] typed = new byte[1 + SEED_SIZE];
        typed[0] = 0x01;
        System.arraycopy(seed, 0, typed, 1, SEED_SIZE);
        return PREFIX + name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(typed) + "\n";
    }

    static Key parse(String text, Path file) throws IOException {
        String[] parts = text.split("\\+", 5);
        if (!text.startsWith(PREFIX) || parts.length != 5) {
            throw new IOException(file + " is not a PRIVATE+KEY+<name>+<key ID>+<key> signer key");
        }
        byte[] typed;
        try {
            typed = Base64.getDecoder().decode(parts[4]);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " holds a key that is not base64", e);
        }
        if (typed.length != 1 + SEED_SIZE || typed[0] != 0x01) {
            throw new IOException(file + " does not hold an Ed25519 key");
        }
        String name = parts[2];
        KeyPair keyPair = keyPairFromSeed(Arrays.copyOfRange(typed, 1, typed.length));
        int keyId;
        try {
            keyId = NoteSigner.ed25519(name, keyPair).keyId();
        } catch (TlogException e) {
            throw new IOException(file + " holds an invalid key: " + e.getMessage(), e);
        }
        if (!parts[3].equals(String.format("%08x", keyId))) {
            throw new IOException(file + " is damaged: its key ID " + parts[3] + " does not match its key");
        }
        return new Key(name, keyPair, false);
    }

    /**
     * The Ed25519 key pair of a 32-byte seed (RFC 8032 private key). The JDK has no public API for
     * this, but its key pair generator takes the seed from the random source it is given.
     */
    static KeyPair keyPairFromSeed(byte[] seed) {
        if (seed.length != SEED_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes");
        }
        SecureRandom fixed = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != SEED_SIZE) {
                    throw new IllegalStateException("the key pair generator asked for " + bytes.length + " bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, SEED_SIZE);
            }
        };
        KeyPair keyPair;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, fixed);
            keyPair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
        byte[] derived = ((EdECPrivateKey) keyPair.getPrivate()).getBytes()
                .orElseThrow(() -> new IllegalStateException("the JDK hid the private key bytes"));
        if (!Arrays.equals(derived, seed)) {
            throw new IllegalStateException("the JDK did not derive the key from the seed");
        }
        return keyPair;
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            throw new IOException("others may read the key file " + file + " (" + PosixFilePermissions.toString(permissions)
                    + "): make it owner-only, chmod 600");
        }
    }

    private static void write(Path file, String content) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        boolean posix = Files.getFileStore(directory).supportsFileAttributeView("posix");
        Path temporary = posix
                ? Files.createTempFile(directory, ".witness-key.", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(directory, ".witness-key.", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.US_ASCII));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
