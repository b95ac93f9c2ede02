package dev.hoheit.mentoring.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The controller's AES-256 master key in a file readable by the owner only (R31), created on first start. */
public final class MasterKey {

    private MasterKey() {
    }

    /** Loads the key from {@code file}, creating it with 32 random bytes if it does not exist. */
    public static SecretKey loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.write(file, key, StandardOpenOption.CREATE_NEW);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // Not a POSIX file system: the data directory's permissions protect it.
                }
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != 32) {
                throw new IllegalStateException("master key file " + file + " must hold exactly 32 bytes, has " + bytes.length);
            }
            return new SecretKeySpec(bytes, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key " + file, e);
        }
    }
}
