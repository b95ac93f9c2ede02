package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.ConsentState;
import dev.hoheit.consent.ConsentStatus;
import dev.hoheit.consent.DecisionRequest;
import dev.hoheit.consent.Evidence;
import dev.hoheit.consent.Notice;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.account.ConsentCatalog;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.notification.NotificationService;
import dev.hoheit.mentoring.supervision.SupervisionService;
import dev.hoheit.retention.ErasureReceipt;
import dev.hoheit.retention.RetentionService;
import dev.hoheit.retention.StoreErasure;
import dev.hoheit.retention.spi.PersonalDataStore;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data subject's rights (R10, R11, R13, R18, R25, R32) and the operator's account creation.
 * The auditor's view is {@link AuditorRoutes}.
 */
final class SelfServiceRoutes {

    private final AccountService accounts;
    private final ConsentService consent;
    private final AuditLog audit;
    private final RetentionService retention;
    private final boolean secureCookies;
    private final NotificationService notifications;
    private final SupervisionService supervision;

    SelfServiceRoutes(AccountService accounts, ConsentService consent, AuditLog audit, RetentionService retention, boolean secureCookies,
                      NotificationService notifications, SupervisionService supervision) {
        this.notifications = notifications;
        this.supervision = supervision;
        this.accounts = accounts;
        this.consent = consent;
        this.audit = audit;
        this.retention = retention;
        this.secureCookies = secureCookies;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/me/data", this::myData);
        routes.get("/api/me/export", this::export);
        routes.get("/api/me/consents", this::consents);
        routes.post("/api/me/consents", this::changeConsent);
        routes.get("/api/me/consents/{decisionId}/receipt", this::receipt);
        routes.patch("/api/me", this::rectify);
        routes.post("/api/me/restriction", this::restrict);
        routes.delete("/api/me/restriction", this::liftRestriction);
        routes.delete("/api/me", this::deleteAccount);
        routes.post("/api/operator/accounts", this::createAccount);
    }

    /** "My data" (R10): every registered store, with what it holds about me; nothing exists beyond these. */
    private void myData(Context ctx) {
        Account me = Web.account(ctx);
        List<Map<String, Object>> stores = new ArrayList<>();
        for (PersonalDataStore store : retention.stores()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("store", store.descriptor().name());
            entry.put("description", store.descriptor().description());
            entry.put("categories", store.descriptor().categories().stream().map(c -> Map.of("name", c.name(),
                    "description", c.description(), "fields", c.fields())).toList());
            entry.put("records", store.count(me.id()));
            stores.add(entry);
        }
        ctx.json(Map.of("statement", "This is every store of personal data Smoffen has; the export contains their full content.",
                "restricted", retention.restriction(me.id()).isPresent(), "stores", stores));
    }

    /**
     * The export ZIP (R25, R32 Art. 15 and 20). Written to a temporary file first and sent after the
     * request's transaction commits, so the 200 comes only once the export's audit event is durable.
     */
    private void export(Context ctx) throws java.io.IOException {
        Account me = Web.account(ctx);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("smoffen-export-", ".zip");
        try {
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                // The readable page in the person's language (the console sends its own), with nicknames instead of ids.
                retention.exportSubject(me.id(), out, ExportTexts.options(ctx.queryParam("lang"), accounts));
            }
            notifications.notify(me.id(), NotificationService.Kind.SERVICE, "export", Map.of());
            ctx.contentType("application/zip");
            ctx.header("Content-Disposition", "attachment; filename=\"smoffen-export.zip\"");
            ctx.result(java.nio.file.Files.newInputStream(file, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE));
        } catch (java.io.IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(file);
            throw e;
        }
    }

    private void consents(Context ctx) {
        Account me = Web.account(ctx);
        List<Map<String, Object>> states = new ArrayList<>();
        List<dev.hoheit.consent.Decision> history = consent.history(me.id());
        for (ConsentState state : consent.states(me.id())) {
            if (me.roles().stream().noneMatch(role -> state.purpose().appliesTo(role.id()))) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("purpose", state.purpose().id());
            item.put("title", ConsentCatalog.title(state.purpose(), ctx.queryParam("lang")));
            item.put("required", state.purpose().required());
            item.put("status", state.status().name().toLowerCase(java.util.Locale.ROOT));
            item.put("latestNoticeAccepted", state.latestNoticeAccepted());
            item.put("withdrawing", state.purpose().required() ? "Withdrawing this consent deletes your account." : "Withdrawing stops this processing.");
            state.decision().ifPresent(d -> item.put("decidedAt", d.decidedAt().toString()));
            // Every decision on this purpose, newest first, each with a receipt to download (Kantara v1.1 JSON).
            item.put("decisions", history.stream().filter(d -> d.purposeId().equals(state.purpose().id()))
                    .sorted(java.util.Comparator.comparingLong(dev.hoheit.consent.Decision::sequence).reversed())
                    .map(d -> Map.of("id", d.id().toString(), "choice", d.choice().name().toLowerCase(java.util.Locale.ROOT),
                            "decidedAt", d.decidedAt().toString(), "noticeVersion", d.notice().version()))
                    .toList());
            states.add(item);
        }
        ctx.json(Paging.slice(ctx, "consents", states));
    }

    /** The receipt of one of my consent decisions (Kantara Consent Receipt v1.1), as a file to keep. */
    private void receipt(Context ctx) {
        Account me = Web.account(ctx);
        java.util.UUID id;
        try {
            id = java.util.UUID.fromString(ctx.pathParam("decisionId"));
        } catch (IllegalArgumentException e) {
            throw new AppException(AppException.Kind.NOT_FOUND, ErrorCode.DECISION_NOT_FOUND, "no such decision");
        }
        // Someone else's decision is as unknown as a made-up id.
        dev.hoheit.consent.Decision decision = consent.decision(id).filter(d -> d.subjectId().equals(me.id()))
                .orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.DECISION_NOT_FOUND, "no such decision"));
        ctx.contentType("application/json");
        ctx.header("Content-Disposition", "attachment; filename=\"consent-receipt-" + decision.purposeId() + "-"
                + decision.decidedAt().toString().substring(0, 10) + ".json\"");
        ctx.result(consent.receipt(decision.id(), dev.hoheit.consent.ReceiptFormat.KANTARA_V1_1));
    }

    /** Grants or withdraws one consent (R18); withdrawing a required one deletes the account once confirmed. */
    private void changeConsent(Context ctx) {
        Account me = Web.account(ctx);
        Requests.ConsentChange change = Web.body(ctx, Requests.ConsentChange.class);
        if (change.purpose() == null || change.granted() == null) {
            throw AppException.badRequest(ErrorCode.CONSENT_CHANGE_INVALID, "send purpose and granted");
        }
        var purpose = consent.purpose(change.purpose()).orElseThrow(() -> new AppException(AppException.Kind.NOT_FOUND, ErrorCode.PURPOSE_NOT_FOUND, "no such purpose"));
        String role = AccountRoutes.primaryRole(me);
        boolean undecided = !change.granted() && consent.state(me.id(), purpose.id()).status() == ConsentStatus.UNDECIDED;
        // Granting, or saying no to one never asked before (a role given later), is a decision on the notice,
        // recorded like one at registration (R17).
        if (change.granted() || undecided && !purpose.required()) {
            // The notice in the language the person reads, as on the registration form; German when there is none.
            Notice notice = ConsentCatalog.latestNotice(consent, purpose.id(), ConsentCatalog.language(change.language()));
            DecisionRequest decision = change.granted() ? DecisionRequest.grant(me.id(), notice.ref()) : DecisionRequest.refuse(me.id(), notice.ref());
            consent.record(decision.as(role).via("console").withEvidence(Evidence.of("web", ctx.userAgent())));
            // A refusal is its own kind of step ("consent-refusal"): it withdraws nothing that was given.
            audit.append(AuditEvent.of(Actor.of(me.id(), role), change.granted() ? AuditAction.GRANT : AuditAction.REVOKE,
                    Resource.of(change.granted() ? "consent" : "consent-refusal", purpose.id())).about(me.id()).from(Web.client(ctx)));
            consents(ctx);
            return;
        }
        if (undecided) {
            throw new AppException(AppException.Kind.CONFLICT, ErrorCode.CONSENT_NEVER_GIVEN.with("purpose", purpose.id()), "'" + purpose.id() + "' is required for your role and was never given;"
                    + " give it, or sign out and ask the operator to take the role away");
        }
        if (purpose.required() && !Boolean.TRUE.equals(change.confirm())) {
            throw new AppException(AppException.Kind.CONFLICT, ErrorCode.CONSENT_WITHDRAWAL_DELETES_ACCOUNT.with("purpose", purpose.id()), "withdrawing '" + purpose.id()
                    + "' deletes your account for good; send confirm: true to go ahead");
        }
        consent.record(DecisionRequest.withdraw(me.id(), purpose.id()).as(role).via("console").withEvidence(Evidence.of("web", ctx.userAgent())));
        if (purpose.required()) {
            ErasureReceipt receipt = retention.eraseSubject(me.id(), "subject");
            clearCookie(ctx);
            ctx.json(receiptJson(receipt));
            return;
        }
        audit.append(AuditEvent.of(Actor.of(me.id(), role), AuditAction.REVOKE, Resource.of("consent", purpose.id())).about(me.id()).from(Web.client(ctx)));
        consents(ctx);
    }

    private void rectify(Context ctx) {
        Account me = Web.account(ctx);
        Requests.Rectification change = Web.body(ctx, Requests.Rectification.class);
        accounts.changeEmail(me.id(), change.email());
        audit.append(AuditEvent.of(Actor.of(me.id(), AccountRoutes.primaryRole(me)), AuditAction.UPDATE, Resource.of("account", me.id()))
                .about(me.id()).from(Web.client(ctx)));
        Map<String, Object> body = AccountRoutes.accountJson(me);
        body.put("email", accounts.email(me.id()).orElse(null));
        ctx.json(body);
    }

    private void restrict(Context ctx) {
        Account me = Web.account(ctx);
        Requests.RestrictionRequest request = Web.body(ctx, Requests.RestrictionRequest.class);
        retention.restrict(me.id(), request.reason() == null || request.reason().isBlank() ? "asked by the person" : request.reason());
        supervision.deleteAbout(me.id()); // no one discusses her planning while processing is restricted
        audit.append(AuditEvent.of(Actor.of(me.id(), AccountRoutes.primaryRole(me)), AuditAction.RESTRICT, Resource.of("restriction"))
                .about(me.id()).from(Web.client(ctx)));
        notifications.notify(me.id(), NotificationService.Kind.SERVICE, "restricted", Map.of());
        ctx.json(Map.of("restricted", true));
    }

    private void liftRestriction(Context ctx) {
        Account me = Web.account(ctx);
        retention.liftRestriction(me.id());
        audit.append(AuditEvent.of(Actor.of(me.id(), AccountRoutes.primaryRole(me)), AuditAction.REVOKE, Resource.of("restriction"))
                .about(me.id()).from(Web.client(ctx)));
        notifications.notify(me.id(), NotificationService.Kind.SERVICE, "restriction-lifted", Map.of());
        ctx.json(Map.of("restricted", false));
    }

    /** Deletes the account for good after the password confirms it (R11, R24). */
    private void deleteAccount(Context ctx) {
        Account me = Web.account(ctx);
        Requests.Deletion deletion = Web.body(ctx, Requests.Deletion.class);
        if (deletion.password() == null || !accounts.checkPassword(me.id(), deletion.password().toCharArray())) {
            throw new AppException(AppException.Kind.UNAUTHENTICATED, ErrorCode.CONFIRMATION_PASSWORD_WRONG, "the password does not match; nothing was deleted");
        }
        ErasureReceipt receipt = retention.eraseSubject(me.id(), "subject");
        clearCookie(ctx);
        ctx.json(receiptJson(receipt));
    }

    /** The operator creates employer, auditor and mentor accounts (they accept their terms at first sign-in). */
    private void createAccount(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        Requests.NewAccount request = Web.body(ctx, Requests.NewAccount.class);
        Role role;
        try {
            role = Role.parse(request.role() == null ? "" : request.role());
        } catch (IllegalArgumentException e) {
            throw AppException.unprocessable(ErrorCode.ROLE_REQUEST_INVALID, "role is employer, auditor, mentor or supervisor");
        }
        if (role == Role.OPERATOR) {
            throw AppException.unprocessable(ErrorCode.ROLE_REQUEST_INVALID, "role is employer, auditor, mentor or supervisor");
        }
        Set<Role> roles = role == Role.MENTOR ? Set.of(Role.MENTOR, Role.MENTEE) : Set.of(role);
        Account account = accounts.createByOperator(request.nickname(), request.password() == null ? null : request.password().toCharArray(), roles);
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.CREATE, Resource.of("account", account.id()))
                .about(account.id()).from(Web.client(ctx)));
        ctx.status(201).json(AccountRoutes.accountJson(account));
    }

    private void clearCookie(Context ctx) {
        ctx.header("Set-Cookie", Web.SESSION_COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
    }

    private static Map<String, Object> receiptJson(ErasureReceipt receipt) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("erasureId", receipt.erasureId().toString());
        json.put("complete", receipt.complete());
        json.put("requestedAt", receipt.requestedAt().toString());
        json.put("stores", receipt.stores().stream().map(SelfServiceRoutes::storeJson).toList());
        return json;
    }

    private static Map<String, Object> storeJson(StoreErasure store) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("store", store.store());
        json.put("erased", store.erased());
        store.error().ifPresent(error -> json.put("error", error));
        return json;
    }
}
