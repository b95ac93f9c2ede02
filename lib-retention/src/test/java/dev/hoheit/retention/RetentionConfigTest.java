package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.audit.AuditLog;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The settings' own checks, without a database: what a misconfigured host is told before anything runs. */
class RetentionConfigTest {

    /** The config only keeps the log; validating must not call it. */
    private static final AuditLog UNUSED_LOG = (AuditLog) Proxy.newProxyInstance(AuditLog.class.getClassLoader(),
            new Class<?>[] {AuditLog.class}, (proxy, method, args) -> {
                throw new AssertionError("validation must not call the audit log (" + method.getName() + ")");
            });

    private final RetentionConfig withNotes = RetentionConfig.of(UNUSED_LOG).withStore(new NotesStore(null));

    @Test
    void a_policy_on_a_purgeable_category_is_accepted() {
        RetentionConfig config = withNotes.withPolicy(RetentionPolicy.delete("notes", Duration.ofDays(30), "notes kept a month"));

        assertEquals(List.of("notes"), config.policies().stream().map(RetentionPolicy::category).toList());
    }

    @Test
    void a_policy_on_a_category_the_store_cannot_purge_is_refused_naming_store_and_category() {
        RetentionException e = assertThrows(RetentionException.class,
                () -> withNotes.withPolicy(RetentionPolicy.delete("pictures", Duration.ofDays(30), "pictures kept a month")));

        assertEquals(RetentionException.Problem.INVALID_CONFIGURATION, e.problem());
        assertTrue(e.getMessage().contains("category pictures, which store notes holds but cannot purge"), e.getMessage());
    }

    @Test
    void a_policy_on_a_category_no_store_holds_is_refused() {
        RetentionException e = assertThrows(RetentionException.class,
                () -> withNotes.withPolicy(RetentionPolicy.delete("diaries", Duration.ofDays(30), "diaries kept a month")));

        assertEquals(RetentionException.Problem.INVALID_CONFIGURATION, e.problem());
        assertTrue(e.getMessage().contains("category diaries, which no registered store holds"), e.getMessage());
    }

    @Test
    void two_policies_for_one_category_are_refused() {
        RetentionConfig once = withNotes.withPolicy(RetentionPolicy.delete("notes", Duration.ofDays(30), "a month"));

        RetentionException e = assertThrows(RetentionException.class,
                () -> once.withPolicy(RetentionPolicy.delete("notes", Duration.ofDays(60), "two months")));

        assertTrue(e.getMessage().contains("two policies for category notes"), e.getMessage());
    }
}
