package dev.hoheit.mentoring.account;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The tags a throttle stores instead of nicknames and client addresses: HMAC-SHA256 under a key
 * derived from the master key and the throttle's label, so instances sharing the master key share
 * the counts and the table holds no address or nickname in clear.
 */
final class ThrottleTags {

    private final byte[] key;

    /** Tags under the key derived from {@code masterKey} for {@code label}, such as {@code smoffen-login-throttle-v1}. */
    ThrottleTags(SecretKey masterKey, String label) {
        this.key = hmac(masterKey.getEncoded(), label);
    }

    /** The tag of {@code text}, in hex. */
    String tag(String text) {
        return HexFormat.of().formatHex(hmac(key, text));
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from the JDK", e);
        }
    }
}
