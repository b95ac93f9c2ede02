package dev.hoheit.samples.registration;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.DecisionRequest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a user in one Spring transaction: the host's rows, the consent decision and the audit
 * event commit together, or none of them does.
 */
@Service
public class RegistrationService {

    private final JdbcTemplate jdbc;
    private final ConsentService consent;
    private final AuditLog audit;
    private final Terms terms;
    private final Welcome welcome;

    public RegistrationService(JdbcTemplate jdbc, ConsentService consent, AuditLog audit, Terms terms, Welcome welcome) {
        this.jdbc = jdbc;
        this.consent = consent;
        this.audit = audit;
        this.terms = terms;
        this.welcome = welcome;
    }

    /** Registers {@code userId}, who accepted the current terms with a checkbox. */
    @Transactional
    public void register(String userId, String email) {
        jdbc.update("INSERT INTO app_user (id, email, created_at) VALUES (?, ?, ?)",
                userId, email, OffsetDateTime.now(ZoneOffset.UTC));
        consent.record(DecisionRequest.grant(userId, terms.current()).as("user").via("checkbox"));
        audit.append(AuditEvent.of(Actor.of(userId, "user"), AuditAction.CREATE, Resource.of("account", userId)));
        jdbc.update("INSERT INTO app_user_role (user_id, role) VALUES (?, 'user')", userId);
        welcome.greet(userId);
    }
}
