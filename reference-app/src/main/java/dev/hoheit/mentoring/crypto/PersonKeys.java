package dev.hoheit.mentoring.crypto;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_PERSON_KEY;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;

/**
 * Per-person AES-256-GCM keys for personal content (plans, notes, pictures, messages, e-mail),
 * wrapped by the master key (R31). Destroying a person's key makes all their content unreadable:
 * the last step of an erasure.
 */
public final class PersonKeys {

    private static final int IV = 12;
    private final DSLContext db;
    private final SecretKey master;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PersonKeys(DSLContext db, SecretKey master, Clock clock) {
        this.db = db;
        this.master = master;
        this.clock = clock;
    }

    /** Creates the person's key (at account creation). */
    public void create(String accountId) {
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        db.insertInto(APP_PERSON_KEY)
                .set(APP_PERSON_KEY.ACCOUNT_ID, accountId)
                .set(APP_PERSON_KEY.WRAPPED_KEY, encrypt(master, raw, "person-key:" + accountId))
                .set(APP_PERSON_KEY.CREATED_AT, clock.instant())
                .execute();
        java.util.Arrays.fill(raw, (byte) 0);
    }

    /** Encrypts {@code plaintext} for the person; {@code context} names the field and is authenticated. */
    public byte[] seal(String accountId, String context, byte[] plaintext) {
        return encrypt(key(accountId).orElseThrow(() -> new IllegalStateException("no key for this account")), plaintext, context);
    }

    /** Encrypts text for the person. */
    public byte[] sealText(String accountId, String context, String text) {
        return seal(accountId, context, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Decrypts the person's content; empty when their key is gone. */
    public Optional<byte[]> open(String accountId, String context, byte[] sealed) {
        return key(accountId).map(key -> decrypt(key, sealed, context));
    }

    /** Decrypts text. */
    public Optional<String> openText(String accountId, String context, byte[] sealed) {
        return open(accountId, context, sealed).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    /** Destroys the person's key; returns whether there was one. */
    public boolean destroy(String accountId) {
        return db.deleteFrom(APP_PERSON_KEY).where(APP_PERSON_KEY.ACCOUNT_ID.eq(accountId)).execute() > 0;
    }

    private Optional<SecretKey> key(String accountId) {
        return db.select(APP_PERSON_KEY.WRAPPED_KEY).from(APP_PERSON_KEY).where(APP_PERSON_KEY.ACCOUNT_ID.eq(accountId))
                .fetchOptional(APP_PERSON_KEY.WRAPPED_KEY)
                .map(wrapped -> new SecretKeySpec(decrypt(master, wrapped, "person-key:" + accountId), "AES"));
    }

    private byte[] encrypt(SecretKey key, byte[] plaintext, String context) {
        try {
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(IV + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, String context) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, IV));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV, sealed.length - IV);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption of " + context.replaceAll(":.*", "") + " failed", e);
        }
    }
}
