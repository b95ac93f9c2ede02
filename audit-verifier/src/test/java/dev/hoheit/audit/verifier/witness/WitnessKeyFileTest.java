package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.tlog.NoteSigner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessKeyFileTest {

    @TempDir
    Path directory;

    @Test
    void published_signer_keys_give_their_published_verifier_keys() throws IOException {
        // golang.org/x/mod/sumdb/note and transparency-dev/witness test keys.
        assertSignerKey("PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
                "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW");
        assertSignerKey("PRIVATE+KEY+witness+f13a86db+AaLa/dfyBhyo/m0Z7WCi98ENVZWtrP8pxgRNrx7tIWiA",
                "witness+f13a86db+AdYV1Ztajd9BvyjP2HgpwrqYL6TjOwIjGMOq8Bu42xbN");
        assertSignerKey("PRIVATE+KEY+monkeys+db4d9f7e+ATWIAF3yVBG+Hv1rZFQoNt/BaURkLPtOFMAM2HrEeIr6",
                "monkeys+db4d9f7e+AULaJMvTtDLHPUcUrjdDad9vDlh/PTfC2VV60JUtCfWT");
    }

    private static void assertSignerKey(String signerKey, String verifierKey) throws IOException {
        WitnessKeyFile.Key key = WitnessKeyFile.parse(signerKey, Path.of("test.key"));
        assertEquals(verifierKey, NoteSigner.ed25519(key.name(), key.keyPair()).verifierKey());
    }

    @Test
    void a_missing_key_file_is_created_owner_only_and_read_back() throws IOException {
        Path file = directory.resolve("keys/witness.key");
        WitnessKeyFile.Key created = WitnessKeyFile.loadOrCreate(file, "witness.example/w1");
        assertTrue(created.created());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        String text = Files.readString(file);
        assertTrue(text.startsWith("PRIVATE+KEY+witness.example/w1+"), text);

        WitnessKeyFile.Key loaded = WitnessKeyFile.loadOrCreate(file, null);
        assertFalse(loaded.created());
        assertEquals("witness.example/w1", loaded.name());
        assertArrayEquals(created.keyPair().getPublic().getEncoded(), loaded.keyPair().getPublic().getEncoded());
        assertEquals(text, Files.readString(file), "an existing key is never rewritten");
    }

    @Test
    void a_key_file_readable_by_others_is_refused() throws IOException {
        Path file = directory.resolve("witness.key");
        WitnessKeyFile.loadOrCreate(file, "w");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IOException e = assertThrows(IOException.class, () -> WitnessKeyFile.loadOrCreate(file, "w"));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }

    @Test
    void a_missing_key_file_needs_a_name_and_a_name_must_match() throws IOException {
        Path file = directory.resolve("witness.key");
        assertThrows(IOException.class, () -> WitnessKeyFile.loadOrCreate(file, null));
        assertFalse(Files.exists(file));
        WitnessKeyFile.loadOrCreate(file, "w1");
        IOException e = assertThrows(IOException.class, () -> WitnessKeyFile.loadOrCreate(file, "w2"));
        assertTrue(e.getMessage().contains("named w1"), e.getMessage());
    }

    @Test
    void damaged_key_files_are_refused() {
        Path file = Path.of("test.key");
        for (String bad : new String[] {
            "",
            "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AoEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
            "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKD",
            "PRIVATE+KEY+PeterNeumann+c74f20a3",
            "PUBLIC+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
            "PRIVATE+KEY+Peter Neumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
        }) {
            assertThrows(IOException.class, () -> WitnessKeyFile.parse(bad, file), bad);
        }
    }
}
