package dev.hoheit.mentoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data folder holds the embedded database (password hashes, sealed content) and the keys: on a
 * POSIX file system it is the owner's alone (0700), and so is every file in it (0600), whatever the
 * umask gave the files H2 and the key stores created.
 */
final class DataFolder {

    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private DataFolder() {
    }

    /** Creates the folder (0700), or makes an existing one the owner's alone. */
    static void create(Path folder) {
        try {
            if (!posix()) {
                Files.createDirectories(folder);
                return;
            }
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
            }
            Files.setPosixFilePermissions(folder, OWNER_DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + folder, e);
        }
    }

    /** Makes every folder below {@code folder} 0700 and every file 0600, and so the other {@code files} given. */
    static void restrict(Path folder, Path... files) {
        if (!posix()) {
            return;
        }
        try {
            if (Files.isDirectory(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    for (Path path : (Iterable<Path>) paths::iterator) {
                        own(path);
                    }
                }
            }
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    own(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restrict the data folder " + folder, e);
        }
    }

    private static void own(Path path) throws IOException {
        if (Files.isSymbolicLink(path)) {
            return;
        }
        try {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? OWNER_DIRECTORY : OWNER_FILE);
        } catch (java.nio.file.NoSuchFileException e) {
            // a temporary file that is already gone
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
