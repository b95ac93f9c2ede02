package dev.hoheit.audit.tlog;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/** Ed25519 key pairs for tests: fresh ones, and ones from published seeds (golang.org/x/mod signer keys). */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The key pair of a 32-byte seed: the JDK derives the private key from the generator's random bytes. */
    static KeyPair fromSeed(byte[] seed) {
        SecureRandom fixed = new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                if (bytes.length != seed.length) {
                    throw new AssertionError("asked for " + bytes.length + " random bytes");
                }
                System.arraycopy(seed, 0, bytes, 0, seed.length);
            }
        };
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, fixed);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The key pair of a signer key "PRIVATE+KEY+<name>+<hex id>+<base64(0x01 || seed)>". */
    static KeyPair fromSignerKey(String signerKey) {
        String[] parts = signerKey.split("\\+", 5);
        byte[] typed = Base64.getDecoder().decode(parts[4]);
        if (typed.length != 33 || typed[0] != 1) {
            throw new AssertionError("not an Ed25519 signer key: " + signerKey);
        }
        return fromSeed(Arrays.copyOfRange(typed, 1, 33));
    }

    /** The name in a signer key. */
    static String nameOf(String signerKey) {
        return signerKey.split("\\+", 5)[2];
    }
}
