package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.mentorship.MentorService;
import dev.hoheit.mentoring.organisation.CourseService;
import dev.hoheit.mentoring.organisation.EmploymentService;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the operator administers, to read: accounts, the mentor assignments it made, courses and
 * employments; and ending an employment. Only what administration needs (nicknames, roles, links,
 * statuses), never an e-mail address or any content. Every read is recorded in the audit log.
 */
final class OperatorRoutes {

    private static final String DELETED = "(deleted account)";

    private final AccountService accounts;
    private final MentorService mentors;
    private final CourseService courses;
    private final EmploymentService employments;
    private final AuditLog audit;

    OperatorRoutes(AccountService accounts, MentorService mentors, CourseService courses, EmploymentService employments, AuditLog audit) {
        this.accounts = accounts;
        this.mentors = mentors;
        this.courses = courses;
        this.employments = employments;
        this.audit = audit;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/operator/accounts", this::accounts);
        routes.get("/api/operator/assignments", this::assignments);
        routes.get("/api/operator/courses", this::courses);
        routes.get("/api/operator/employments", this::employments);
        routes.delete("/api/operator/employments/{employeeId}/{employerId}", this::unlink);
    }

    /** Accounts by nickname, filtered by a part of the nickname ({@code q}) and a role. */
    private void accounts(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Paging paging = Paging.of(ctx);
        String query = ctx.queryParam("q");
        if (query != null && query.strip().length() > 40) {
            throw AppException.badRequest(ErrorCode.SEARCH_TOO_LONG.with("max", 40), "q is a part of a nickname: at most 40 characters");
        }
        Role role = null;
        String roleName = ctx.queryParam("role");
        if (roleName != null && !roleName.isBlank()) {
            try {
                role = Role.parse(roleName);
            } catch (IllegalArgumentException e) {
                throw AppException.badRequest(ErrorCode.ROLE_INVALID, "role is mentee, mentor, operator, employer, auditor or supervisor");
            }
        }
        List<Account> found = accounts.search(query, role, paging.offset(), paging.fetch());
        viewed(ctx, operator, "accounts");
        ctx.json(paging.json("accounts", found.stream().map(AccountRoutes::accountJson).toList()));
    }

    /** The mentor assignments the operator made (directly or with a course), newest first, with their status. */
    private void assignments(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Paging paging = Paging.of(ctx);
        List<AccessGrant> all = mentors.operatorAssignments();
        List<AccessGrant> page = all.subList(Math.min(paging.offset(), all.size()), Math.min(paging.offset() + paging.fetch(), all.size()));
        Set<String> ids = new HashSet<>();
        page.forEach(grant -> {
            ids.add(grant.subjectId());
            ids.add(grant.granteeId());
        });
        Map<String, String> names = accounts.nicknames(ids);
        viewed(ctx, operator, "mentor-assignments");
        ctx.json(paging.json("assignments", page.stream().map(grant -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", grant.id().toString());
            json.put("mentee", names.getOrDefault(grant.subjectId(), DELETED));
            json.put("mentor", names.getOrDefault(grant.granteeId(), DELETED));
            MentorService.Scope scope = MentorService.Scope.parse(grant.granteeRole());
            json.put("scope", scope.id());
            json.put("status", grant.status().name().toLowerCase(Locale.ROOT));
            json.put("createdAt", grant.createdAt().toString());
            json.put("since", grant.statusSince().toString());
            return json;
        }).toList()));
    }

    /** Courses, newest first, with their members' nicknames and the mentor assigned when each started. */
    private void courses(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Paging paging = Paging.of(ctx);
        List<CourseService.Summary> found = courses.list(paging.offset(), paging.fetch());
        Set<String> ids = new HashSet<>();
        found.forEach(course -> {
            ids.addAll(course.memberIds());
            course.mentorId().ifPresent(ids::add);
        });
        Map<String, String> names = accounts.nicknames(ids);
        viewed(ctx, operator, "courses");
        ctx.json(paging.json("courses", found.stream().map(course -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", course.id());
            json.put("name", course.name());
            json.put("createdAt", course.createdAt().toString());
            json.put("members", course.memberIds().stream().map(id -> names.getOrDefault(id, DELETED)).sorted().toList());
            json.put("mentor", course.mentorId().map(id -> names.getOrDefault(id, DELETED)).orElse(null));
            json.put("scope", course.mentorScope().orElse(null));
            return json;
        }).toList()));
    }

    /** Every employee–employer link, newest first. */
    private void employments(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Paging paging = Paging.of(ctx);
        List<EmploymentService.Link> found = employments.list(paging.offset(), paging.fetch());
        Set<String> ids = new HashSet<>();
        found.forEach(link -> {
            ids.add(link.employeeId());
            ids.add(link.employerId());
        });
        Map<String, String> names = accounts.nicknames(ids);
        viewed(ctx, operator, "employments");
        ctx.json(paging.json("employments", found.stream().map(link -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("employeeId", link.employeeId());
            json.put("employee", names.getOrDefault(link.employeeId(), DELETED));
            json.put("employerId", link.employerId());
            json.put("employer", names.getOrDefault(link.employerId(), DELETED));
            json.put("since", link.since().toString());
            return json;
        }).toList()));
    }

    /** Ends an employment: from now on the employer sees nothing of the employee. */
    private void unlink(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        String employeeId = ctx.pathParam("employeeId");
        if (!employments.unlink(employeeId, ctx.pathParam("employerId"))) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.EMPLOYMENT_NOT_FOUND, "no such employment");
        }
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.DELETE, Resource.of("employment"))
                .about(employeeId).from(Web.client(ctx)));
        ctx.status(204);
    }

    /** The operator's reads are recorded like everyone's (R5); the list itself names nobody in the log. */
    private void viewed(Context ctx, Account operator, String what) {
        audit.appendBatched(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.VIEW, Resource.of(what))
                .from(Web.client(ctx)));
    }
}
