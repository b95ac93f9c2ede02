package dev.hoheit.mentoring.mentorship;

import dev.hoheit.mentoring.core.AppTransactions;
import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Outcome;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The one gate for reading someone else's data: it asks lib-consent whether the grant permits the
 * scope now, and records the view, allowed or denied, in lib-audit (R6, R12), so the person sees
 * who viewed what, and when, and the operator is bound by the same log.
 */
public final class AccessGuard {

    /** What anyone else is told while a person's processing is restricted. */
    public static final String RESTRICTED = "this person has restricted the processing of their data (GDPR Art. 18); nothing is shown";

    private final ConsentService consent;
    private final AuditLog audit;
    private final Predicate<String> restricted;
    private final Clock clock;

    /**
     * @param restricted whether a person has restricted the processing of their data (GDPR Art. 18):
     *                   then nobody else sees it, whatever they were granted
     */
    public AccessGuard(ConsentService consent, AuditLog audit, Predicate<String> restricted, Clock clock) {
        this.consent = consent;
        this.audit = audit;
        this.restricted = restricted;
        this.clock = clock;
    }

    /** Whether {@code subjectId} has restricted the processing of their data (GDPR Art. 18). */
    public boolean isRestricted(String subjectId) {
        return restricted.test(subjectId);
    }

    /**
     * Records a refused view of {@code subjectId}'s data because they restricted processing. The event
     * is kept although the request fails and its transaction is rolled back, so the person sees the attempt.
     */
    public void recordRestrictedView(Account viewer, String viewerRole, String subjectId, Resource resource, ClientInfo client) {
        AppTransactions.outside(() -> audit.append(AuditEvent.of(Actor.of(viewer.id(), viewerRole), AuditAction.VIEW, resource)
                .about(subjectId).withDetails(java.util.Map.of("refused", "restricted")).withOutcome(Outcome.DENIED).from(client)));
    }

    /**
     * Refuses, and records as a denied view, any view of {@code subjectId}'s data while they have
     * restricted processing; does nothing otherwise. {@link #view} asks this first; a view allowed by
     * another relation (an employer's employment link) asks it too.
     */
    public void refuseIfRestricted(Account viewer, String viewerRole, String subjectId, Resource resource, ClientInfo client) {
        if (isRestricted(subjectId)) {
            recordRestrictedView(viewer, viewerRole, subjectId, resource, client);
            throw AppException.forbidden(ErrorCode.PROCESSING_RESTRICTED, RESTRICTED);
        }
    }

    /** Checks and records a view of {@code scope} of {@code subjectId}'s data; 403 when not granted or restricted. */
    public void view(Account viewer, String viewerRole, String subjectId, String scope, Resource resource, ClientInfo client) {
        refuseIfRestricted(viewer, viewerRole, subjectId, resource, client);
        Optional<AccessGrant> permitting = consent.permittingGrant(viewer.id(), subjectId, scope, clock.instant());
        boolean permitted = permitting.isPresent();
        String grant = permitting.map(g -> "grant:" + g.id()).orElse(null);
        AuditEvent event = AuditEvent.of(Actor.of(viewer.id(), viewerRole), AuditAction.VIEW, resource)
                .about(subjectId).allowedBy(grant).withOutcome(permitted ? Outcome.ALLOWED : Outcome.DENIED).from(client);
        if (permitted) {
            audit.append(event); // in the request's transaction: durable with its 200
        } else {
            AppTransactions.outside(() -> audit.append(event)); // kept although the request fails
        }
        if (!permitted) {
            throw AppException.forbidden(ErrorCode.NO_GRANT.with("scope", scope), "you have no grant to see this person's " + scope);
        }
    }
}
