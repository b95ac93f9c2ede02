package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.TlogException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The witness's state on disk: per log, one file {@code <sha256(origin) hex>.checkpoint} holding the
 * latest cosigned checkpoint note (the log's verified signatures and the witness's cosignature).
 * Files are replaced atomically (temporary file, fsync, rename, fsync of the directory), so a crash
 * leaves either the old or the new checkpoint. A lock file keeps a second witness process away.
 */
final class StateDirectory implements AutoCloseable {

    private static final String SUFFIX = ".checkpoint";
    private static final String TEMPORARY_SUFFIX = ".tmp";

    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StateDirectory(Path directory, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating it if needed) and locks the directory, and removes temporary files a crash left. */
    static StateDirectory open(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            createOwnerOnlyDirectory(directory);
        }
        FileChannel channel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by another witness in this process
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IOException("the state directory " + directory + " is in use by another witness");
        }
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(directory, "*" + TEMPORARY_SUFFIX)) {
            for (Path leftover : leftovers) {
                Files.deleteIfExists(leftover);
            }
        }
        return new StateDirectory(directory, channel, lock);
    }

    private static void createOwnerOnlyDirectory(Path directory) throws IOException {
        try {
            if (Files.getFileStore(existingAncestor(directory)).supportsFileAttributeView("posix")) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                return;
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException(directory + " exists and is not a directory", e);
        }
        Files.createDirectories(directory);
    }

    private static Path existingAncestor(Path path) {
        Path candidate = path.toAbsolutePath();
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate == null ? Path.of(".").toAbsolutePath() : candidate;
    }

    /** The file name of a log's state: the lower-case hex SHA-256 of its origin (the tlog-witness "origin hash"). */
    static String originHash(String origin) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The latest cosigned checkpoint note of {@code origin}, if the witness ever cosigned one. */
    Optional<Note> read(String origin) throws IOException {
        Path file = directory.resolve(originHash(origin) + SUFFIX);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Note note = Note.parse(Files.readString(file, StandardCharsets.UTF_8));
            String stored = CheckpointBody.parse(note.text()).origin();
            if (!stored.equals(origin)) {
                throw new IOException(file + " holds a checkpoint of another origin");
            }
            return Optional.of(note);
        } catch (TlogException | CharacterCodingException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    /** Replaces the latest cosigned checkpoint of {@code origin}; when this returns, it is on disk. */
    void write(String origin, Note note) throws IOException {
        writeAtomically(directory.resolve(originHash(origin) + SUFFIX), note.format());
    }

    /**
     * Keeps two validly signed but inconsistent checkpoints of a log, as evidence that the log
     * misbehaved; returns the file.
     */
    Path writeEvidence(String origin, Instant when, String evidence) throws IOException {
        Path evidenceDirectory = directory.resolve("evidence");
        Files.createDirectories(evidenceDirectory);
        Path file = evidenceDirectory.resolve(originHash(origin) + "-" + when.toEpochMilli() + ".txt");
        writeAtomically(file, evidence);
        return file;
    }

    private void writeAtomically(Path target, String content) throws IOException {
        Path directoryOfTarget = target.getParent();
        Path temporary = Files.createTempFile(directoryOfTarget, target.getFileName().toString() + ".", TEMPORARY_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        syncDirectory(directoryOfTarget);
    }

    /** Makes the rename durable. Only some platforms (Linux, macOS) can open a directory for this. */
    private static void syncDirectory(Path directory) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(directory, StandardOpenOption.READ);
        } catch (IOException e) {
            return;
        }
        try (channel) {
            channel.force(true);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }
}
