package dev.hoheit.audit;

import dev.hoheit.testkit.MutableClock;
import dev.hoheit.testkit.TestDatabase;
import java.util.Map;

/** Shared test data: keys (one set per test JVM), a clock, events. */
final class AuditFixtures {

    static final AuditKeys KEYS = AuditKeys.generate();
    static final Actor MENTOR = Actor.of("mentor-7", "mentor");
    static final Actor MENTEE = Actor.of("mentee-42", "mentee");

    private AuditFixtures() {
    }

    static MutableClock clock() {
        return MutableClock.at("2026-01-05T09:00:00Z");
    }

    static AuditConfig config(MutableClock clock) {
        return AuditConfig.of(KEYS).withClock(clock).withoutMigration();
    }

    static AuditLog log(TestDatabase db, MutableClock clock) {
        return AuditLog.create(db.dataSource(), config(clock));
    }

    /** A mentor viewing a mentee's plan, with details and client data. */
    static AuditEvent mentorViewsPlan(String planId) {
        return AuditEvent.of(MENTOR, AuditAction.VIEW, Resource.of("plan", planId))
                .about(MENTEE.id())
                .allowedBy("grant:81c2")
                .withDetails(Map.of("scope", "plans"))
                .from(ClientInfo.of("203.0.113.7", "Mozilla/5.0 Test"));
    }

    /** The mentee doing something to their own data. */
    static AuditEvent menteeUpdatesPlan(String planId) {
        return AuditEvent.of(MENTEE, AuditAction.UPDATE, Resource.of("plan", planId)).about(MENTEE.id());
    }
}
