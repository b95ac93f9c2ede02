package dev.hoheit.mentoring.account;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_ACCOUNT_CODE;

import dev.hoheit.mentoring.internal.jooq.tables.records.AppAccountCodeRecord;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * One-time codes that set a new password without the old one: the person's own recovery codes
 * (ten, shown once, for nickname accounts that gave no e-mail address) and a reset code the operator
 * issues as the fallback (valid for {@link #RESET_VALID}). A code is 24 characters of a 32-letter
 * alphabet without look-alikes (120 random bits), shown in groups of four. Only its SHA-256 is
 * stored: with 120 bits nobody can guess a code from its hash, so a slow hash like Argon2id would
 * only make every attempt expensive for the server (the same reasoning as for session tokens).
 */
public final class AccountCodes {

    /** How many recovery codes a set has. */
    public static final int RECOVERY_CODES = 10;
    /** How long an operator's reset code is valid. */
    public static final Duration RESET_VALID = Duration.ofHours(24);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final int LENGTH = 24;

    /** What a code was. */
    public enum Kind { RECOVERY, RESET }

    /** A code's record, never the code itself. */
    public record Code(Kind kind, Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> usedAt) {
    }

    private final DSLContext db;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountCodes(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A new set of recovery codes, replacing the previous set (used or not). The codes exist only in the answer. */
    public List<String> newRecoveryCodes(String accountId) {
        db.deleteFrom(APP_ACCOUNT_CODE).where(APP_ACCOUNT_CODE.ACCOUNT_ID.eq(accountId))
                .and(APP_ACCOUNT_CODE.KIND.eq(Kind.RECOVERY.name())).execute();
        List<String> codes = new ArrayList<>();
        Instant now = clock.instant();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = randomCode();
            insert(accountId, code, Kind.RECOVERY, now, null);
            codes.add(code);
        }
        return codes;
    }

    /** A reset code for the account, valid for {@link #RESET_VALID}; an earlier unused one stops working. */
    public String newResetCode(String accountId) {
        db.deleteFrom(APP_ACCOUNT_CODE).where(APP_ACCOUNT_CODE.ACCOUNT_ID.eq(accountId))
                .and(APP_ACCOUNT_CODE.KIND.eq(Kind.RESET.name())).and(APP_ACCOUNT_CODE.USED_AT.isNull()).execute();
        String code = randomCode();
        Instant now = clock.instant();
        insert(accountId, code, Kind.RESET, now, now.plus(RESET_VALID));
        return code;
    }

    /**
     * Uses up a code of the account: the kind of the code if it was valid (unused, not expired), empty
     * otherwise. Marked used in the caller's transaction, so it works once even on several instances.
     */
    public Optional<Kind> use(String accountId, String code) {
        String normalized = normalize(code);
        if (normalized.length() != LENGTH) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        AppAccountCodeRecord row = db.selectFrom(APP_ACCOUNT_CODE).where(APP_ACCOUNT_CODE.CODE_HASH.eq(SessionService.sha256(normalized)))
                .and(APP_ACCOUNT_CODE.ACCOUNT_ID.eq(accountId)).and(APP_ACCOUNT_CODE.USED_AT.isNull()).forUpdate().fetchOne();
        if (row == null || row.getExpiresAt() != null && !now.isBefore(row.getExpiresAt())) {
            return Optional.empty();
        }
        int marked = db.update(APP_ACCOUNT_CODE).set(APP_ACCOUNT_CODE.USED_AT, now)
                .where(APP_ACCOUNT_CODE.CODE_HASH.eq(row.getCodeHash())).and(APP_ACCOUNT_CODE.USED_AT.isNull()).execute();
        return marked == 1 ? Optional.of(Kind.valueOf(row.getKind())) : Optional.empty();
    }

    /** The account's codes, newest first: recovery codes (used or not) and reset codes issued by the operator. */
    public List<Code> codes(String accountId) {
        return db.selectFrom(APP_ACCOUNT_CODE).where(APP_ACCOUNT_CODE.ACCOUNT_ID.eq(accountId))
                .orderBy(APP_ACCOUNT_CODE.CREATED_AT.desc(), APP_ACCOUNT_CODE.KIND)
                .fetch(row -> new Code(Kind.valueOf(row.getKind()), row.getCreatedAt(), Optional.ofNullable(row.getExpiresAt()),
                        Optional.ofNullable(row.getUsedAt())));
    }

    private void insert(String accountId, String code, Kind kind, Instant now, Instant expires) {
        db.insertInto(APP_ACCOUNT_CODE)
                .set(APP_ACCOUNT_CODE.CODE_HASH, SessionService.sha256(normalize(code)))
                .set(APP_ACCOUNT_CODE.ACCOUNT_ID, accountId)
                .set(APP_ACCOUNT_CODE.KIND, kind.name())
                .set(APP_ACCOUNT_CODE.CREATED_AT, now)
                .set(APP_ACCOUNT_CODE.EXPIRES_AT, expires)
                .execute();
    }

    private String randomCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 4 == 0) {
                code.append('-');
            }
            code.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return code.toString();
    }

    /** Upper case, without the spaces and dashes people type or copy with a code. */
    static String normalize(String code) {
        if (code == null || code.length() > 100) {
            return "";
        }
        return code.toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
    }
}
