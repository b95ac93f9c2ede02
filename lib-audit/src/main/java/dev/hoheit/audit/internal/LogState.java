package dev.hoheit.audit.internal;

import dev.hoheit.audit.AuditException;
import dev.hoheit.audit.Checkpoint;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The newest checkpoint this log signed, kept in a file outside the database (beside the keys).
 * Someone who can change the database but not this file cannot roll the log back, delete its
 * newest checkpoints or rewrite it unseen: sealing refuses to sign a tree that does not extend it,
 * and verification reports one that does not.
 */
final class LogState {

    private static final String FILE = "audit-log-state.json";

    private final Path file;

    /** A state in {@code directory}, or none when it is null. */
    static Optional<LogState> in(Path directory) {
        return directory == null ? Optional.empty() : Optional.of(new LogState(directory.resolve(FILE)));
    }

    private LogState(Path file) {
        this.file = file;
    }

    /** The newest checkpoint saved, if any. */
    synchronized Optional<Checkpoint> latest() {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            return Optional.of(Checkpoint.fromJson(Files.readString(file, StandardCharsets.UTF_8).strip()));
        } catch (IOException e) {
            throw new AuditException(AuditException.Problem.STORAGE, "cannot read the audit log state " + file, e);
        }
    }

    /** Saves {@code checkpoint} unless a larger one is saved already (written whole or not at all). */
    synchronized void save(Checkpoint checkpoint) {
        Optional<Checkpoint> current = latest();
        if (current.isPresent() && current.get().size() >= checkpoint.size()) {
            return;
        }
        Path temporary = file.resolveSibling(FILE + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temporary, checkpoint.toJson() + "\n", StandardCharsets.UTF_8);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new AuditException(AuditException.Problem.STORAGE, "cannot write the audit log state " + file, e);
        }
    }
}
