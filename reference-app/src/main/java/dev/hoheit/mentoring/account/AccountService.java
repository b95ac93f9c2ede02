package dev.hoheit.mentoring.account;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_ACCOUNT;

import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.DecisionDraft;
import dev.hoheit.consent.Evidence;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.Purpose;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.crypto.PasswordHasher;
import dev.hoheit.mentoring.crypto.PersonKeys;
import dev.hoheit.mentoring.internal.jooq.tables.records.AppAccountRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Registration, authentication and roles. Registration asks for the minimum (R14, R22). */
public final class AccountService {

    private static final Pattern NICKNAME = Pattern.compile("[\\p{L}\\p{N}._-]{3,40}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{2,}");

    /** What a registration form sends. */
    public record Registration(String nickname, char[] password, String email, String language,
                               Map<String, Boolean> decisions, Role role, Evidence evidence) {
    }

    private final DSLContext db;
    private final ConsentService consent;
    private final PersonKeys keys;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final AccountCodes codes;

    public AccountService(DSLContext db, ConsentService consent, PersonKeys keys, PasswordHasher hasher, Clock clock) {
        this.db = db;
        this.consent = consent;
        this.keys = keys;
        this.hasher = hasher;
        this.clock = clock;
        this.codes = new AccountCodes(db, clock);
    }

    /** The account's recovery and reset codes. */
    public AccountCodes codes() {
        return codes;
    }

    /**
     * Creates an account after checking the form: every purpose asked of the role must be decided,
     * every required one granted. All decisions, refusals included, are recorded (R17).
     */
    public Account register(Registration form) {
        // Every field is checked, and every problem is answered at once (one per field, in "fields").
        List<AppException> problems = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        WeakPasswordException weak = null;
        String nickname = null;
        try {
            nickname = validNickname(form.nickname());
            if (Nicknames.reserved(nickname)) {
                throw AppException.unprocessable(ErrorCode.NICKNAME_RESERVED, "'" + nickname
                        + "' is, or looks like, a name of the platform itself; please choose another");
            }
            if (db.fetchExists(APP_ACCOUNT, APP_ACCOUNT.NICKNAME_SKELETON.eq(Nicknames.skeleton(nickname)))) {
                throw new AppException(AppException.Kind.CONFLICT, ErrorCode.NICKNAME_TAKEN, "the nickname '" + nickname
                        + "' is taken or looks like one that is");
            }
        } catch (AppException e) {
            problems.add(e);
            fields.add("nickname");
        }
        try {
            validPassword(form.password(), nickname != null ? nickname : form.nickname());
        } catch (WeakPasswordException e) {
            weak = e.inField("password");
            problems.add(new AppException(AppException.Kind.BAD_REQUEST, e.reason(), e.english()));
            fields.add("password");
        }
        String email = null;
        try {
            email = form.email() == null || form.email().isBlank() ? null : validEmail(form.email());
        } catch (AppException e) {
            problems.add(e);
            fields.add("email");
        }
        String language = ConsentCatalog.language(form.language());
        List<DecisionDraft> decisions = decisionsFor(form, language, problems, fields);
        if (problems.size() == 1 && weak != null) {
            throw weak; // a weak password alone is explained as before, in German and English
        }
        if (!problems.isEmpty()) {
            throw AppException.ofFields(problems, fields);
        }
        String id = insertAccount(nickname, form.password(), Set.of(form.role()));
        try {
            keys.create(id);
            if (email != null) {
                db.update(APP_ACCOUNT).set(APP_ACCOUNT.EMAIL_ENC, keys.sealText(id, "email", email))
                        .where(APP_ACCOUNT.ACCOUNT_ID.eq(id)).execute();
            }
            consent.recordAll(decisions.stream().map(d -> d.forSubject(id)).toList());
        } catch (RuntimeException e) {
            // Undo the half-made account: nothing half-written remains.
            keys.destroy(id);
            db.deleteFrom(APP_ACCOUNT).where(APP_ACCOUNT.ACCOUNT_ID.eq(id)).execute();
            throw e;
        }
        return find(id).orElseThrow();
    }

    private List<DecisionDraft> decisionsFor(Registration form, String language, List<AppException> problems, List<String> fields) {
        Map<String, Boolean> given = form.decisions() == null ? Map.of() : form.decisions();
        List<Purpose> asked = consent.purposesFor(form.role().id());
        Set<String> askedIds = asked.stream().map(Purpose::id).collect(Collectors.toSet());
        for (String purposeId : given.keySet()) {
            if (!askedIds.contains(purposeId)) {
                throw AppException.badRequest(ErrorCode.PURPOSE_NOT_ASKED.with("purpose", purposeId), "'" + purposeId + "' is not asked of a " + form.role().id());
            }
        }
        List<DecisionDraft> decisions = new ArrayList<>();
        for (Purpose purpose : asked) {
            Boolean granted = given.get(purpose.id());
            if (granted == null) {
                problems.add(AppException.unprocessable(ErrorCode.CONSENT_UNDECIDED.with("purpose", purpose.id()),
                        "please decide about '" + purpose.id() + "' (" + ConsentCatalog.title(purpose, "en") + ")"));
                fields.add("consents." + purpose.id());
                continue;
            }
            if (purpose.required() && !granted) {
                problems.add(AppException.unprocessable(ErrorCode.CONSENT_REQUIRED.with("purpose", purpose.id()),
                        "an account needs your consent to '" + purpose.id() + "' (" + ConsentCatalog.title(purpose, "en") + ")"));
                fields.add("consents." + purpose.id());
                continue;
            }
            Notice notice = ConsentCatalog.latestNotice(consent, purpose.id(), language);
            DecisionDraft request = granted ? DecisionDraft.grant(notice.ref()) : DecisionDraft.refuse(notice.ref());
            decisions.add(request.as(form.role().id()).via("checkbox").withEvidence(form.evidence()));
        }
        return decisions;
    }

    /** The account if nickname and password match; the hash is upgraded when parameters were raised. */
    public Optional<Account> authenticate(String nickname, char[] password) {
        if (nickname == null || password == null || nickname.length() > 40 || password.length > 200) {
            return Optional.empty();
        }
        AppAccountRecord row = db.selectFrom(APP_ACCOUNT).where(APP_ACCOUNT.NICKNAME_KEY.eq(key(nickname.strip()))).fetchOne();
        if (row == null) {
            hasher.hash(password); // spend the same time as for a real account
            return Optional.empty();
        }
        if (!hasher.verify(password, row.getPasswordHash())) {
            return Optional.empty();
        }
        if (hasher.needsRehash(row.getPasswordHash())) {
            db.update(APP_ACCOUNT).set(APP_ACCOUNT.PASSWORD_HASH, hasher.hash(password))
                    .where(APP_ACCOUNT.ACCOUNT_ID.eq(row.getAccountId())).execute();
        }
        return Optional.of(toAccount(row));
    }

    public Optional<Account> find(String accountId) {
        return db.selectFrom(APP_ACCOUNT).where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId)).fetchOptional(AccountService::toAccount);
    }

    public Optional<Account> findByNickname(String nickname) {
        return db.selectFrom(APP_ACCOUNT).where(APP_ACCOUNT.NICKNAME_KEY.eq(key(nickname))).fetchOptional(AccountService::toAccount);
    }

    /**
     * Accounts whose nickname contains {@code query} (ignoring case; everyone when blank) and that have
     * {@code role} (any role when null), by nickname, skipping {@code offset} and returning at most
     * {@code limit}. For the operator's account list: nickname, roles and creation time only.
     */
    public List<Account> search(String query, Role role, int offset, int limit) {
        org.jooq.Condition where = DSL.noCondition();
        if (query != null && !query.isBlank()) {
            where = where.and(APP_ACCOUNT.NICKNAME_KEY.contains(key(query.strip())));
        }
        if (role != null) {
            // Roles are stored as a sorted, comma-separated list; no role's name is part of another's.
            where = where.and(APP_ACCOUNT.ROLES.contains(role.id()));
        }
        return db.selectFrom(APP_ACCOUNT).where(where).orderBy(APP_ACCOUNT.NICKNAME_KEY).offset(offset).limit(limit)
                .fetch(AccountService::toAccount);
    }

    /** The nicknames of these accounts, by id; accounts that no longer exist are missing from the map. */
    public Map<String, String> nicknames(Collection<String> accountIds) {
        if (accountIds.isEmpty()) {
            return Map.of();
        }
        return db.select(APP_ACCOUNT.ACCOUNT_ID, APP_ACCOUNT.NICKNAME).from(APP_ACCOUNT)
                .where(APP_ACCOUNT.ACCOUNT_ID.in(Set.copyOf(accountIds))).fetchMap(APP_ACCOUNT.ACCOUNT_ID, APP_ACCOUNT.NICKNAME);
    }

    /**
     * The words among {@code words} that are, or look like, the nickname of an account (compared by
     * confusable skeleton, so case, fullwidth forms and look-alike letters do not hide one), in one query.
     */
    public Set<String> nicknamesAmong(Collection<String> words) {
        Map<String, String> byKey = new HashMap<>();
        Map<String, String> bySkeleton = new HashMap<>();
        for (String word : words) {
            if (word.length() >= 3 && word.length() <= 40) {
                String lower = word.toLowerCase(Locale.ROOT);
                byKey.putIfAbsent(key(word), word);
                // Skeletons are stored as registered; a name written in another case has another skeleton.
                for (String variant : List.of(word, lower, word.toUpperCase(Locale.ROOT),
                        lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1))) {
                    bySkeleton.putIfAbsent(Nicknames.skeleton(variant), word);
                }
            }
        }
        if (byKey.isEmpty()) {
            return Set.of();
        }
        Set<String> found = new HashSet<>();
        db.select(APP_ACCOUNT.NICKNAME_KEY, APP_ACCOUNT.NICKNAME_SKELETON).from(APP_ACCOUNT)
                .where(APP_ACCOUNT.NICKNAME_KEY.in(byKey.keySet()).or(APP_ACCOUNT.NICKNAME_SKELETON.in(bySkeleton.keySet())))
                .forEach(row -> {
                    Optional.ofNullable(byKey.get(row.value1())).ifPresent(found::add);
                    Optional.ofNullable(row.value2()).map(bySkeleton::get).ifPresent(found::add);
                });
        return found;
    }

    /**
     * Whether {@code text} contains {@code nickname} or a look-alike of it, in any case and inside a
     * longer word too.
     */
    public static boolean mentions(String text, String nickname) {
        String lowerText = Nicknames.normalise(text).toLowerCase(Locale.ROOT);
        String lowerName = Nicknames.normalise(nickname).toLowerCase(Locale.ROOT);
        return lowerText.contains(lowerName) || Nicknames.skeleton(lowerText).contains(Nicknames.skeleton(lowerName));
    }

    /** The account's e-mail address, decrypted, if it has one. */
    public Optional<String> email(String accountId) {
        return db.select(APP_ACCOUNT.EMAIL_ENC).from(APP_ACCOUNT).where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId))
                .fetchOptional(APP_ACCOUNT.EMAIL_ENC).flatMap(sealed -> keys.openText(accountId, "email", sealed));
    }

    /** Inserts the account row with a fresh id; a nickname already taken (in any case) is a 409. */
    private String insertAccount(String nickname, char[] password, Set<Role> roles) {
        String id = UUID.randomUUID().toString();
        Instant now = clock.instant();
        try {
            db.insertInto(APP_ACCOUNT)
                    .set(APP_ACCOUNT.ACCOUNT_ID, id)
                    .set(APP_ACCOUNT.NICKNAME, nickname)
                    .set(APP_ACCOUNT.NICKNAME_KEY, key(nickname))
                    .set(APP_ACCOUNT.NICKNAME_SKELETON, Nicknames.skeleton(nickname))
                    .set(APP_ACCOUNT.PASSWORD_HASH, hasher.hash(password))
                    .set(APP_ACCOUNT.ROLES, roles.stream().map(Role::id).sorted().collect(Collectors.joining(",")))
                    .set(APP_ACCOUNT.CREATED_AT, now)
                    .set(APP_ACCOUNT.UPDATED_AT, now)
                    .execute();
        } catch (DataAccessException e) {
            if (e.sqlState() != null && e.sqlState().startsWith("23")) {
                throw new AppException(AppException.Kind.CONFLICT, ErrorCode.NICKNAME_TAKEN, "the nickname '" + nickname + "' is taken");
            }
            throw e;
        }
        return id;
    }

    /**
     * Fills in the confusable skeleton of accounts from before it was stored (schema version 16). Two
     * old accounts that look alike keep their nicknames; the later one is left without a skeleton
     * (and logged by id), which only means a third look-alike is still refused by the first's.
     */
    public void fillSkeletons() {
        for (var row : db.select(APP_ACCOUNT.ACCOUNT_ID, APP_ACCOUNT.NICKNAME).from(APP_ACCOUNT)
                .where(APP_ACCOUNT.NICKNAME_SKELETON.isNull()).orderBy(APP_ACCOUNT.CREATED_AT).fetch()) {
            try {
                db.update(APP_ACCOUNT).set(APP_ACCOUNT.NICKNAME_SKELETON, Nicknames.skeleton(row.value2()))
                        .where(APP_ACCOUNT.ACCOUNT_ID.eq(row.value1())).execute();
            } catch (DataAccessException e) {
                org.slf4j.LoggerFactory.getLogger(AccountService.class)
                        .warn("Account {} looks like an older one; its nickname skeleton stays empty", row.value1());
            }
        }
    }

    /**
     * Creates an account with roles chosen by the operator (no consent form; they consent at first
     * login). The operator knows the password, so the account must change it at its first sign-in.
     */
    public Account createByOperator(String nickname, char[] password, Set<Role> roles) {
        return createByOperator(nickname, password, roles, true);
    }

    /** Creates an account with roles chosen by the operator; the demo accounts keep their published password. */
    public Account createByOperator(String nickname, char[] password, Set<Role> roles, boolean mustChangePassword) {
        String name = validNickname(nickname);
        validPassword(password, name);
        String id = insertAccount(name, password, roles);
        keys.create(id);
        if (mustChangePassword) {
            db.update(APP_ACCOUNT).set(APP_ACCOUNT.PASSWORD_CHANGE_REQUIRED, true).where(APP_ACCOUNT.ACCOUNT_ID.eq(id)).execute();
        }
        return find(id).orElseThrow();
    }

    /** Whether the account signed in with a password someone else issued and must change it before anything else. */
    public boolean passwordChangeRequired(String accountId) {
        return Boolean.TRUE.equals(db.select(APP_ACCOUNT.PASSWORD_CHANGE_REQUIRED).from(APP_ACCOUNT)
                .where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId)).fetchOne(APP_ACCOUNT.PASSWORD_CHANGE_REQUIRED));
    }

    /** When the person read the first sign-in's explanation of Smoff-Time and the roles; empty until then. */
    public Optional<Instant> welcomeSeenAt(String accountId) {
        return Optional.ofNullable(db.select(APP_ACCOUNT.WELCOME_SEEN_AT).from(APP_ACCOUNT)
                .where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId)).fetchOne(APP_ACCOUNT.WELCOME_SEEN_AT));
    }

    /** Notes that the person has read the explanation (the first time counts; later calls change nothing). */
    public void welcomeSeen(String accountId) {
        db.update(APP_ACCOUNT).set(APP_ACCOUNT.WELCOME_SEEN_AT, clock.instant())
                .where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId)).and(APP_ACCOUNT.WELCOME_SEEN_AT.isNull()).execute();
    }

    /**
     * Changes the password after checking the current one: false (nothing changed) when it is wrong.
     * The new one must pass the {@link PasswordPolicy} and differ from the current one.
     */
    public boolean changePassword(String accountId, char[] current, char[] newPassword) {
        Account account = find(accountId).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        if (current == null || !checkPassword(accountId, current)) {
            return false;
        }
        if (java.util.Arrays.equals(current, newPassword)) {
            throw new WeakPasswordException(ErrorCode.PASSWORD_UNCHANGED.reason(), "Das neue Passwort muss sich vom bisherigen unterscheiden.",
                    "The new password must differ from the current one.");
        }
        setPassword(account, newPassword, false);
        return true;
    }

    /** Sets a new password chosen by the person herself (after a recovery or reset code). */
    public void resetPassword(String accountId, char[] newPassword) {
        setPassword(find(accountId).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.ACCOUNT_NOT_FOUND, "no such account")), newPassword, false);
    }

    /**
     * Gives the account a random one-time password that must be changed at the next sign-in (the
     * operator's recovery command); returns it.
     */
    public String issueOneTimePassword(String accountId) {
        Account account = find(accountId).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        byte[] bytes = new byte[18];
        new java.security.SecureRandom().nextBytes(bytes);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        setPassword(account, password.toCharArray(), true);
        return password;
    }

    private void setPassword(Account account, char[] password, boolean mustChange) {
        validPassword(password, account.nickname());
        Instant now = clock.instant();
        db.update(APP_ACCOUNT).set(APP_ACCOUNT.PASSWORD_HASH, hasher.hash(password))
                .set(APP_ACCOUNT.PASSWORD_CHANGE_REQUIRED, mustChange)
                .set(APP_ACCOUNT.PASSWORD_CHANGED_AT, now)
                .set(APP_ACCOUNT.UPDATED_AT, now)
                .where(APP_ACCOUNT.ACCOUNT_ID.eq(account.id())).execute();
    }

    /** Corrects the e-mail address (R13 rectification); null or blank removes it. */
    public void changeEmail(String accountId, String email) {
        byte[] sealed = email == null || email.isBlank() ? null : keys.sealText(accountId, "email", validEmail(email));
        db.update(APP_ACCOUNT).set(APP_ACCOUNT.EMAIL_ENC, sealed).set(APP_ACCOUNT.UPDATED_AT, clock.instant())
                .where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId)).execute();
    }

    /** Whether {@code password} is the account's (for confirming deletion). */
    public boolean checkPassword(String accountId, char[] password) {
        return db.select(APP_ACCOUNT.PASSWORD_HASH).from(APP_ACCOUNT).where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId))
                .fetchOptional(APP_ACCOUNT.PASSWORD_HASH).map(hash -> hasher.verify(password, hash)).orElse(false);
    }

    /** Gives or takes a role (the operator grants and withdraws mentor rights, R2). */
    public Account setRole(String accountId, Role role, boolean granted) {
        Account account = find(accountId).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(account.roles());
        if (granted) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        db.update(APP_ACCOUNT).set(APP_ACCOUNT.ROLES, roles.stream().map(Role::id).sorted().collect(Collectors.joining(",")))
                .set(APP_ACCOUNT.UPDATED_AT, clock.instant())
                .where(APP_ACCOUNT.ACCOUNT_ID.eq(accountId)).execute();
        return find(accountId).orElseThrow();
    }

    private static Account toAccount(AppAccountRecord row) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(row.getRoles().split(",")).filter(s -> !s.isBlank()).map(Role::parse).forEach(roles::add);
        return new Account(row.getAccountId(), row.getNickname(), roles, row.getCreatedAt());
    }

    private static String key(String nickname) {
        return Nicknames.normalise(nickname).toLowerCase(Locale.ROOT);
    }

    private static String validNickname(String nickname) {
        if (nickname == null || nickname.length() > 200 || !NICKNAME.matcher(Nicknames.normalise(nickname)).matches()) {
            throw AppException.unprocessable(ErrorCode.NICKNAME_INVALID.with("min", 3).with("max", 40), "a nickname has 3 to 40 letters, digits, '.', '_' or '-'");
        }
        return Nicknames.normalise(nickname);
    }

    private static void validPassword(char[] password, String nickname) {
        PasswordPolicy.check(password, nickname);
    }

    private static String validEmail(String email) {
        String stripped = email.strip();
        if (stripped.length() > 254 || !EMAIL.matcher(stripped).matches()) {
            throw AppException.unprocessable(ErrorCode.EMAIL_INVALID, "that is not an e-mail address (it is optional: leave it empty)");
        }
        return stripped;
    }
}
