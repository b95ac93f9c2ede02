package dev.hoheit.mentoring.mentorship;

import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.GrantOrigin;
import dev.hoheit.consent.GrantRequest;
import dev.hoheit.consent.GrantStatus;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The mentor relationship, built on lib-consent access grants: a mentee invites a mentor (active at
 * once), or the operator assigns one (pending until the mentee accepts, R3); the mentee revokes any
 * mentor at any time and access ends at once (R1). Two scopes (R4).
 */
public final class MentorService {

    /** Planning sessions. */
    public static final String SMOFF_TIME = "smoff-time";
    /** Day, week and year plans. */
    public static final String PLANS = "plans";
    /** Pictures of paper planning sheets. */
    public static final String PICTURES = "pictures";

    /** The two mentor scopes of the platform. */
    public enum Scope {
        /** Everything: Smoff-Time, plans and pictures. */
        MENTOR("mentor", Set.of(SMOFF_TIME, PLANS, PICTURES), "sees your Smoff-Time, plans and pictures"),
        /** Smoff-Time only. */
        SMOFF_TIME_MENTOR("smoff-time-mentor", Set.of(SMOFF_TIME), "sees your Smoff-Time only");

        private final String id;
        private final Set<String> scopes;
        private final String plainWords;

        Scope(String id, Set<String> scopes, String plainWords) {
            this.id = id;
            this.scopes = scopes;
            this.plainWords = plainWords;
        }

        public String id() {
            return id;
        }

        public String plainWords() {
            return plainWords;
        }

        /** The parts of a mentee's data this scope lets the mentor see ({@link #SMOFF_TIME}, {@link #PLANS}, {@link #PICTURES}). */
        public Set<String> allows() {
            return scopes;
        }

        public static Scope parse(String id) {
            for (Scope scope : values()) {
                if (scope.id.equals(id == null ? "" : id.strip().toLowerCase(Locale.ROOT))) {
                    return scope;
                }
            }
            throw AppException.unprocessable(ErrorCode.MENTOR_SCOPE_INVALID, "scope is 'mentor' (everything) or 'smoff-time-mentor' (Smoff-Time only)");
        }
    }

    /** Most mentors whose assignments the operator's list covers. */
    static final int MAX_MENTORS_LISTED = 1_000;

    private final ConsentService consent;
    private final AccountService accounts;

    public MentorService(ConsentService consent, AccountService accounts) {
        this.consent = consent;
        this.accounts = accounts;
    }

    /** The answer to an invitation of a nickname that is unknown or has no mentor rights. */
    public static final String NO_SUCH_MENTOR = "that nickname is unknown or has no mentor rights (the operator grants them);"
            + " please check the spelling";

    /** The mentee grants a mentor access themselves: in force at once. */
    public AccessGrant invite(Account mentee, String mentorNickname, Scope scope) {
        // One answer whether the nickname is unknown or has no mentor rights: a mentee learns nothing about
        // who else has an account (and the web layer throttles failed invitations).
        Account mentor = accounts.findByNickname(mentorNickname == null ? "" : mentorNickname.strip()).filter(a -> a.is(Role.MENTOR))
                .orElseThrow(() -> AppException.unprocessable(ErrorCode.MENTOR_NOT_FOUND, NO_SUCH_MENTOR));
        return consent.grantAccess(GrantRequest.of(mentee.id(), mentor.id(), scope.id(), scope.scopes));
    }

    /** The operator assigns a mentor: pending until the mentee accepts (R3). */
    public AccessGrant assign(Account operator, String menteeNickname, String mentorNickname, Scope scope) {
        Account mentee = accounts.findByNickname(menteeNickname == null ? "" : menteeNickname.strip())
                .orElseThrow(() -> AppException.unprocessable(ErrorCode.NICKNAME_NOT_FOUND, "no account with that nickname"));
        Account mentor = mentorByNickname(mentorNickname);
        return consent.grantAccess(GrantRequest.of(mentee.id(), mentor.id(), scope.id(), scope.scopes).assignedBy(operator.id()));
    }

    /** The grants over a mentee's data, newest first. */
    public List<AccessGrant> mentorsOf(Account mentee) {
        return consent.grantsOf(mentee.id());
    }

    /** The mentees who granted a mentor access now. */
    public List<AccessGrant> menteesOf(Account mentor) {
        return consent.grantsTo(mentor.id()).stream().filter(g -> g.status() == GrantStatus.ACTIVE).toList();
    }

    public AccessGrant accept(Account mentee, String grantId) {
        return consent.accept(own(mentee, grantId).id(), mentee.id());
    }

    public AccessGrant decline(Account mentee, String grantId) {
        return consent.decline(own(mentee, grantId).id(), mentee.id(), null);
    }

    /** The mentee revokes a mentor; access ends at once (R1). */
    public AccessGrant revoke(Account mentee, String grantId) {
        return consent.revoke(own(mentee, grantId).id(), mentee.id(), "revoked by the mentee");
    }

    /** The operator gives mentor rights (R2). */
    public Account grantMentorRights(String accountId) {
        return accounts.setRole(accountId, Role.MENTOR, true);
    }

    /** The operator withdraws mentor rights: every grant to that mentor ends (R2). */
    public Account withdrawMentorRights(Account operator, String accountId) {
        Account account = accounts.setRole(accountId, Role.MENTOR, false);
        consent.revokeAllTo(accountId, operator.id(), "mentor rights withdrawn by the operator");
        return account;
    }

    private AccessGrant own(Account mentee, String grantId) {
        UUID id;
        try {
            id = UUID.fromString(grantId);
        } catch (IllegalArgumentException e) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.MENTOR_RELATION_NOT_FOUND, "no such mentor relation");
        }
        AccessGrant grant = consent.grant(id).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.MENTOR_RELATION_NOT_FOUND, "no such mentor relation"));
        if (!grant.subjectId().equals(mentee.id())) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.MENTOR_RELATION_NOT_FOUND, "no such mentor relation");
        }
        return grant;
    }

    /**
     * The grants the operator made (assignments and courses) to the accounts that have mentor rights
     * now, newest first: whatever their status, so the operator sees which are still pending,
     * accepted, declined or ended. Mentees' own invitations are not the operator's business.
     */
    public List<AccessGrant> operatorAssignments() {
        List<AccessGrant> assigned = new ArrayList<>();
        for (Account mentor : accounts.search(null, Role.MENTOR, 0, MAX_MENTORS_LISTED)) {
            consent.grantsTo(mentor.id()).stream().filter(g -> g.origin() == GrantOrigin.ASSIGNED_BY_OPERATOR).forEach(assigned::add);
        }
        assigned.sort(Comparator.comparing(AccessGrant::createdAt).reversed().thenComparing(g -> g.id().toString()));
        return assigned;
    }

    /** The account with this nickname if it has mentor rights; 422 otherwise. */
    public Account mentorByNickname(String nickname) {
        Account mentor = accounts.findByNickname(nickname == null ? "" : nickname.strip())
                .orElseThrow(() -> AppException.unprocessable(ErrorCode.NICKNAME_NOT_FOUND, "no account with that nickname"));
        if (!mentor.is(Role.MENTOR)) {
            throw AppException.unprocessable(ErrorCode.NO_MENTOR_RIGHTS, "that person has no mentor rights (the operator grants them)");
        }
        return mentor;
    }
}
