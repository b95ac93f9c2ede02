package dev.hoheit.mentoring.mentoring;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.ClientInfo;
import dev.hoheit.audit.Outcome;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.AccessGrant;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.mentoring.AppException;
import dev.hoheit.mentoring.account.Account;
import java.time.Clock;

/**
 * The one gate for reading someone else's data: it asks lib-consent whether the grant permits the
 * scope now, and records the view, allowed or denied, in lib-audit (R6, R12), so the person sees
 * who viewed what, and when, and the operator is bound by the same log.
 */
public final class AccessGuard {

    private final ConsentService consent;
    private final AuditLog audit;
    private final Clock clock;

    public AccessGuard(ConsentService consent, AuditLog audit, Clock clock) {
        this.consent = consent;
        this.audit = audit;
        this.clock = clock;
    }

    /** Checks and records a view of {@code scope} of {@code subjectId}'s data; 403 when not granted. */
    public void view(Account viewer, String viewerRole, String subjectId, String scope, Resource resource, ClientInfo client) {
        boolean permitted = consent.permits(viewer.id(), subjectId, scope, clock.instant());
        String grant = permitted ? consent.grantsTo(viewer.id()).stream()
                .filter(g -> g.subjectId().equals(subjectId) && g.allows(scope)).map(AccessGrant::id).map(id -> "grant:" + id)
                .findFirst().orElse(null) : null;
        audit.append(AuditEvent.of(Actor.of(viewer.id(), viewerRole), AuditAction.VIEW, resource)
                .about(subjectId).allowedBy(grant).withOutcome(permitted ? Outcome.ALLOWED : Outcome.DENIED).from(client));
        if (!permitted) {
            throw AppException.forbidden("you have no grant to see this person's " + scope);
        }
    }
}
