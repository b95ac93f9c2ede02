package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.core.AppTransactions;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Outcome;
import dev.hoheit.audit.Resource;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.mentorship.AccessGuard;
import dev.hoheit.mentoring.organisation.Assessment;
import dev.hoheit.mentoring.organisation.CourseService;
import dev.hoheit.mentoring.organisation.EmploymentService;
import dev.hoheit.mentoring.planning.PlanService;
import dev.hoheit.mentoring.planning.SmoffTimeService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Employers (assessments only, R8, R33), the employee's preview of them, and courses. */
final class OrganisationRoutes {

    private final AccountService accounts;
    private final EmploymentService employments;
    private final CourseService courses;
    private final SmoffTimeService smoffTime;
    private final PlanService plans;
    private final AccessGuard guard;
    private final AuditLog audit;
    private final Clock clock;

    OrganisationRoutes(AccountService accounts, EmploymentService employments, CourseService courses, SmoffTimeService smoffTime,
                       PlanService plans, AccessGuard guard, AuditLog audit, Clock clock) {
        this.accounts = accounts;
        this.employments = employments;
        this.courses = courses;
        this.smoffTime = smoffTime;
        this.plans = plans;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.post("/api/operator/employments", this::link);
        routes.post("/api/operator/courses", this::createCourse);
        routes.get("/api/employer/employees", this::employees);
        routes.get("/api/employer/employees/{id}/assessment", this::assessment);
        routes.get("/api/me/employer-view", this::preview);
    }

    private void link(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Requests.Employment request = Web.body(ctx, Requests.Employment.class);
        employments.link(request.employee(), request.employer());
        Account employee = accounts.findByNickname(request.employee().strip()).orElseThrow();
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.CREATE, Resource.of("employment"))
                .about(employee.id()).from(Web.client(ctx)));
        ctx.status(201).json(Map.of("employee", employee.nickname(), "employer", request.employer().strip()));
    }

    private void createCourse(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Requests.NewCourse request = Web.body(ctx, Requests.NewCourse.class);
        CourseService.Course course = courses.create(operator, request.name(), request.mentees(), request.mentor(), request.scope());
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.CREATE, Resource.of("course", course.id()))
                .withDetails(Map.of("members", Integer.toString(course.memberIds().size()))).from(Web.client(ctx)));
        ctx.status(201).json(Map.of("id", course.id(), "name", course.name(), "members", course.memberIds().size(),
                "mentorAssignments", course.mentorAssignments()));
    }

    private void employees(Context ctx) {
        Account employer = Access.require(ctx, Role.EMPLOYER);
        Map<String, Object> page = Paging.slice(ctx, "employees", employments.employeesOf(employer.id()));
        page.put("employees", ((List<?>) page.get("employees")).stream().map(String.class::cast)
                .map(id -> Map.of("id", id, "nickname", accounts.find(id).map(Account::nickname).orElse("(deleted account)"))).toList());
        ctx.json(page);
    }

    /** The assessment, and nothing else, for a linked employee; every request is logged for the employee to see. */
    private void assessment(Context ctx) {
        Account employer = Access.require(ctx, Role.EMPLOYER);
        String employeeId = ctx.pathParam("id");
        boolean linked = employments.isEmployerOf(employer.id(), employeeId);
        if (linked) {
            guard.refuseIfRestricted(employer, Role.EMPLOYER.id(), employeeId, Resource.of("assessment"), Web.client(ctx));
        }
        AuditEvent event = AuditEvent.of(Actor.of(employer.id(), Role.EMPLOYER.id()), AuditAction.VIEW, Resource.of("assessment"))
                .about(linked ? employeeId : null).allowedBy(linked ? "employment" : null)
                .withOutcome(linked ? Outcome.ALLOWED : Outcome.DENIED).from(Web.client(ctx));
        if (linked) {
            audit.append(event);
        } else {
            AppTransactions.outside(() -> audit.append(event)); // kept although the request fails
        }
        if (!linked) {
            throw AppException.forbidden(ErrorCode.NOT_YOUR_EMPLOYEE, "this person is not linked to you as an employee");
        }
        ctx.json(assessmentOf(employeeId, days(ctx)));
    }

    /** What the employer sees, shown to the employee first (R8: nothing more). */
    private void preview(Context ctx) {
        Account me = Access.require(ctx, Role.MENTEE);
        ctx.json(Map.of("employers", employments.employersOf(me.id()).stream()
                        .map(id -> accounts.find(id).map(Account::nickname).orElse("(deleted account)")).toList(),
                "courses", courses.coursesOf(me.id()),
                "whatEmployersSee", assessmentOf(me.id(), days(ctx))));
    }

    private Map<String, Object> assessmentOf(String accountId, int days) {
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate created = accounts.find(accountId).map(a -> a.createdAt().atZone(ZoneOffset.UTC).toLocalDate()).orElse(today);
        return Assessment.of(smoffTime.list(accountId), plans.list(accountId), created, today, days);
    }

    /** {@code ?days=}: the assessment's period, {@value Assessment#MIN_DAYS} to {@value Assessment#MAX_DAYS} days (default 90). */
    private static int days(Context ctx) {
        String given = ctx.queryParam("days");
        if (given == null || given.isBlank()) {
            return Assessment.DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(given.strip());
            if (days >= Assessment.MIN_DAYS && days <= Assessment.MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw AppException.badRequest(ErrorCode.ASSESSMENT_DAYS_INVALID.with("min", Assessment.MIN_DAYS).with("max", Assessment.MAX_DAYS), "days must be a whole number from " + Assessment.MIN_DAYS + " to " + Assessment.MAX_DAYS);
    }
}
