package dev.hoheit.mentoring.organisation;

import static dev.hoheit.mentoring.internal.jooq.Tables.APP_EMPLOYMENT;

import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jooq.DSLContext;

/** Employments: the operator links an employee to an employer; both see the link. */
public final class EmploymentService {

    private final DSLContext db;
    private final AccountService accounts;
    private final Clock clock;

    public EmploymentService(DSLContext db, AccountService accounts, Clock clock) {
        this.db = db;
        this.accounts = accounts;
        this.clock = clock;
    }

    public void link(String employeeNickname, String employerNickname) {
        Account employee = accounts.findByNickname(employeeNickname == null ? "" : employeeNickname.strip())
                .orElseThrow(() -> AppException.unprocessable(ErrorCode.EMPLOYEE_NOT_FOUND, "no employee with that nickname"));
        Account employer = accounts.findByNickname(employerNickname == null ? "" : employerNickname.strip())
                .orElseThrow(() -> AppException.unprocessable(ErrorCode.EMPLOYER_NOT_FOUND, "no employer with that nickname"));
        if (!employer.is(Role.EMPLOYER)) {
            throw AppException.unprocessable(ErrorCode.NOT_AN_EMPLOYER, "that account is not an employer");
        }
        if (!employee.is(Role.MENTEE)) {
            throw AppException.unprocessable(ErrorCode.EMPLOYEE_NOT_MENTEE, "only a mentee account can be linked as an employee");
        }
        if (!isEmployerOf(employer.id(), employee.id())) {
            db.insertInto(APP_EMPLOYMENT).set(APP_EMPLOYMENT.EMPLOYEE_ID, employee.id()).set(APP_EMPLOYMENT.EMPLOYER_ID, employer.id())
                    .set(APP_EMPLOYMENT.SINCE, clock.instant()).execute();
        }
    }

    /** One employee's link to one employer. */
    public record Link(String employeeId, String employerId, Instant since) {
    }

    /** Every link, newest first, skipping {@code offset} and returning at most {@code limit}. */
    public List<Link> list(int offset, int limit) {
        return db.selectFrom(APP_EMPLOYMENT).orderBy(APP_EMPLOYMENT.SINCE.desc(), APP_EMPLOYMENT.EMPLOYEE_ID, APP_EMPLOYMENT.EMPLOYER_ID)
                .offset(offset).limit(limit).fetch(row -> new Link(row.getEmployeeId(), row.getEmployerId(), row.getSince()));
    }

    /** Ends a link: the employer no longer sees the employee's assessment. Returns whether there was one. */
    public boolean unlink(String employeeId, String employerId) {
        return db.deleteFrom(APP_EMPLOYMENT).where(APP_EMPLOYMENT.EMPLOYEE_ID.eq(employeeId)
                .and(APP_EMPLOYMENT.EMPLOYER_ID.eq(employerId))).execute() > 0;
    }

    public boolean isEmployerOf(String employerId, String employeeId) {
        return db.fetchExists(APP_EMPLOYMENT, APP_EMPLOYMENT.EMPLOYER_ID.eq(employerId).and(APP_EMPLOYMENT.EMPLOYEE_ID.eq(employeeId)));
    }

    public List<String> employeesOf(String employerId) {
        return db.select(APP_EMPLOYMENT.EMPLOYEE_ID).from(APP_EMPLOYMENT).where(APP_EMPLOYMENT.EMPLOYER_ID.eq(employerId))
                .fetch(APP_EMPLOYMENT.EMPLOYEE_ID);
    }

    public List<String> employersOf(String employeeId) {
        return db.select(APP_EMPLOYMENT.EMPLOYER_ID).from(APP_EMPLOYMENT).where(APP_EMPLOYMENT.EMPLOYEE_ID.eq(employeeId))
                .fetch(APP_EMPLOYMENT.EMPLOYER_ID);
    }

    public long erase(String accountId) {
        return db.deleteFrom(APP_EMPLOYMENT).where(APP_EMPLOYMENT.EMPLOYEE_ID.eq(accountId).or(APP_EMPLOYMENT.EMPLOYER_ID.eq(accountId))).execute();
    }

    public long count(String accountId) {
        return db.fetchCount(APP_EMPLOYMENT, APP_EMPLOYMENT.EMPLOYEE_ID.eq(accountId).or(APP_EMPLOYMENT.EMPLOYER_ID.eq(accountId)));
    }
}
