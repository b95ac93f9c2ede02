package dev.hoheit.mentoring.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashing (Bouncy Castle), stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, the OWASP-recommended minimum.
 */
public final class PasswordHasher {

    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    /** OWASP parameters: 19 MiB, 2 iterations, 1 lane. */
    public PasswordHasher() {
        this(19_456, 2);
    }

    /** Other parameters (tests may use cheaper ones; never below the library's floor of 8 MiB). */
    public PasswordHasher(int memoryKib, int iterations) {
        if (memoryKib < 8_192 || iterations < 1) {
            throw new IllegalArgumentException("Argon2id needs at least 8 MiB and 1 iteration");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
    }

    /** A PHC string for {@code password}. */
    public String hash(char[] password) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, 1);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=1$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} matches the PHC string, in constant time. */
    public boolean verify(char[] password, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = derive(password, B64D.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether a stored hash uses weaker parameters than the current ones (rehash on next login). */
    public boolean needsRehash(String phc) {
        Matcher m = PHC.matcher(phc);
        return !m.matches() || Integer.parseInt(m.group(1)) < memoryKib || Integer.parseInt(m.group(2)) < iterations;
    }

    private static byte[] derive(char[] password, byte[] salt, int memoryKib, int iterations, int lanes) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(lanes)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        generator.generateBytes(bytes, out);
        java.util.Arrays.fill(bytes, (byte) 0);
        return out;
    }
}
