package dev.hoheit.mentoring.organisation;

import dev.hoheit.mentoring.core.AppTransactions;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_COURSE;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_COURSE_MEMBER;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.mentorship.MentorService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Courses: the operator starts one for a group of mentees and may assign its mentor (pending per mentee, R3). */
public final class CourseService {

    /** A created course. */
    public record Course(String id, String name, List<String> memberIds, int mentorAssignments) {
    }

    /**
     * A course as the operator's list shows it.
     *
     * @param mentorId the mentor assigned when the course started, if one was (and the account still exists)
     * @param mentorScope that assignment's scope, if there was one
     */
    public record Summary(String id, String name, Instant createdAt, List<String> memberIds, Optional<String> mentorId,
                          Optional<String> mentorScope) {
    }

    private final DSLContext db;
    private final AccountService accounts;
    private final MentorService mentors;
    private final Clock clock;

    public CourseService(DSLContext db, AccountService accounts, MentorService mentors, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.mentors = mentors;
        this.clock = clock;
    }

    public Course create(Account operator, String name, List<String> menteeNicknames, String mentorNickname, String scope) {
        if (name == null || name.isBlank() || name.length() > 200) {
            throw AppException.unprocessable(ErrorCode.COURSE_NAME_INVALID.with("max", 200), "a course needs a name of up to 200 characters");
        }
        if (menteeNicknames == null || menteeNicknames.isEmpty() || menteeNicknames.size() > 500) {
            throw AppException.unprocessable(ErrorCode.COURSE_SIZE_INVALID.with("max", 500), "a course has 1 to 500 mentees");
        }
        List<Account> members = new ArrayList<>();
        for (String nickname : menteeNicknames) {
            members.add(accounts.findByNickname(nickname == null ? "" : nickname.strip())
                    .orElseThrow(() -> AppException.unprocessable(ErrorCode.NICKNAME_NOT_FOUND.with("nickname", nickname), "no account with the nickname '" + nickname + "'")));
        }
        // Check the mentor and scope before anything is stored, so a refused mentor leaves no course behind.
        boolean withMentor = mentorNickname != null && !mentorNickname.isBlank();
        Account mentor = withMentor ? mentors.mentorByNickname(mentorNickname) : null;
        MentorService.Scope parsed = withMentor ? MentorService.Scope.parse(scope == null ? "mentor" : scope) : null;
        String id = UUID.randomUUID().toString();
        AppTransactions.atomically(db, tx -> {
            tx.insertInto(APP_COURSE).set(APP_COURSE.COURSE_ID, id).set(APP_COURSE.NAME, name.strip())
                    .set(APP_COURSE.CREATED_AT, clock.instant())
                    .set(APP_COURSE.MENTOR_ID, withMentor ? mentor.id() : null)
                    .set(APP_COURSE.MENTOR_SCOPE, withMentor ? parsed.id() : null).execute();
            for (Account member : members) {
                tx.insertInto(APP_COURSE_MEMBER).set(APP_COURSE_MEMBER.COURSE_ID, id)
                        .set(APP_COURSE_MEMBER.ACCOUNT_ID, member.id()).onDuplicateKeyIgnore().execute();
            }
        });
        int assigned = 0;
        if (withMentor) {
            for (Account member : members) {
                mentors.assign(operator, member.nickname(), mentor.nickname(), parsed);
                assigned++;
            }
        }
        return new Course(id, name.strip(), members.stream().map(Account::id).toList(), assigned);
    }

    /** Courses, newest first, skipping {@code offset} and returning at most {@code limit}, with their members. */
    public List<Summary> list(int offset, int limit) {
        var rows = db.selectFrom(APP_COURSE).orderBy(APP_COURSE.CREATED_AT.desc(), APP_COURSE.COURSE_ID)
                .offset(offset).limit(limit).fetch();
        Map<String, List<String>> members = new LinkedHashMap<>();
        rows.forEach(row -> members.put(row.getCourseId(), new ArrayList<>()));
        if (!members.isEmpty()) {
            db.select(APP_COURSE_MEMBER.COURSE_ID, APP_COURSE_MEMBER.ACCOUNT_ID).from(APP_COURSE_MEMBER)
                    .where(APP_COURSE_MEMBER.COURSE_ID.in(members.keySet()))
                    .forEach(member -> members.get(member.value1()).add(member.value2()));
        }
        return rows.map(row -> new Summary(row.getCourseId(), row.getName(), row.getCreatedAt(), members.get(row.getCourseId()),
                Optional.ofNullable(row.getMentorId()), Optional.ofNullable(row.getMentorScope())));
    }

    public List<String> coursesOf(String accountId) {
        return db.select(APP_COURSE.NAME).from(APP_COURSE).join(APP_COURSE_MEMBER).on(APP_COURSE_MEMBER.COURSE_ID.eq(APP_COURSE.COURSE_ID))
                .where(APP_COURSE_MEMBER.ACCOUNT_ID.eq(accountId)).orderBy(APP_COURSE.NAME).fetch(APP_COURSE.NAME);
    }

    /** The courses an account was assigned to as their mentor. */
    public List<String> coursesMentoredBy(String accountId) {
        return db.select(APP_COURSE.NAME).from(APP_COURSE).where(APP_COURSE.MENTOR_ID.eq(accountId)).orderBy(APP_COURSE.NAME)
                .fetch(APP_COURSE.NAME);
    }

    /** Removes the account from every course, as member and as mentor. */
    public long erase(String accountId) {
        long erased = db.deleteFrom(APP_COURSE_MEMBER).where(APP_COURSE_MEMBER.ACCOUNT_ID.eq(accountId)).execute();
        erased += db.update(APP_COURSE).setNull(APP_COURSE.MENTOR_ID).setNull(APP_COURSE.MENTOR_SCOPE)
                .where(APP_COURSE.MENTOR_ID.eq(accountId)).execute();
        return erased;
    }

    public long count(String accountId) {
        return db.fetchCount(APP_COURSE_MEMBER, APP_COURSE_MEMBER.ACCOUNT_ID.eq(accountId))
                + db.fetchCount(APP_COURSE, APP_COURSE.MENTOR_ID.eq(accountId));
    }
}
