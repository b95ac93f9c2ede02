package dev.hoheit.mentoring.organisation;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_COURSE;
import static dev.hoheit.mentoring.internal.jooq.Tables.APP_COURSE_MEMBER;

import dev.hoheit.mentoring.AppException;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.mentoring.MentorService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/** Courses: the operator starts one for a group of mentees and may assign its mentor (pending per mentee, R3). */
public final class CourseService {

    /** A created course. */
    public record Course(String id, String name, List<String> memberIds, int mentorAssignments) {
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
            throw AppException.unprocessable("a course needs a name of up to 200 characters");
        }
        if (menteeNicknames == null || menteeNicknames.isEmpty() || menteeNicknames.size() > 500) {
            throw AppException.unprocessable("a course has 1 to 500 mentees");
        }
        List<Account> members = new ArrayList<>();
        for (String nickname : menteeNicknames) {
            members.add(accounts.findByNickname(nickname == null ? "" : nickname.strip())
                    .orElseThrow(() -> AppException.unprocessable("no account with the nickname '" + nickname + "'")));
        }
        String id = UUID.randomUUID().toString();
        db.transaction(tx -> {
            tx.dsl().insertInto(APP_COURSE).set(APP_COURSE.COURSE_ID, id).set(APP_COURSE.NAME, name.strip())
                    .set(APP_COURSE.CREATED_AT, clock.instant()).execute();
            for (Account member : members) {
                tx.dsl().insertInto(APP_COURSE_MEMBER).set(APP_COURSE_MEMBER.COURSE_ID, id)
                        .set(APP_COURSE_MEMBER.ACCOUNT_ID, member.id()).onDuplicateKeyIgnore().execute();
            }
        });
        int assigned = 0;
        if (mentorNickname != null && !mentorNickname.isBlank()) {
            MentorService.Scope parsed = MentorService.Scope.parse(scope == null ? "mentor" : scope);
            for (Account member : members) {
                mentors.assign(operator, member.nickname(), mentorNickname, parsed);
                assigned++;
            }
        }
        return new Course(id, name.strip(), members.stream().map(Account::id).toList(), assigned);
    }

    public List<String> coursesOf(String accountId) {
        return db.select(APP_COURSE.NAME).from(APP_COURSE).join(APP_COURSE_MEMBER).on(APP_COURSE_MEMBER.COURSE_ID.eq(APP_COURSE.COURSE_ID))
                .where(APP_COURSE_MEMBER.ACCOUNT_ID.eq(accountId)).orderBy(APP_COURSE.NAME).fetch(APP_COURSE.NAME);
    }

    public long erase(String accountId) {
        return db.deleteFrom(APP_COURSE_MEMBER).where(APP_COURSE_MEMBER.ACCOUNT_ID.eq(accountId)).execute();
    }

    public long count(String accountId) {
        return db.fetchCount(APP_COURSE_MEMBER, APP_COURSE_MEMBER.ACCOUNT_ID.eq(accountId));
    }
}
