package dev.hoheit.audit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hoheit.audit.AuditException;
import dev.hoheit.transaction.internal.Failure;
import org.junit.jupiter.api.Test;

/** Every failure of the shared plumbing becomes a {@link AuditException} with the problem of the same name. */
class AuditLibraryFailuresTest {

    @Test
    void every_shared_failure_has_its_audit_problem() {
        for (Failure failure : Failure.values()) {
            AuditException e = assertInstanceOf(AuditException.class, AuditLibrary.LIBRARY.failure(failure, "went wrong"));
            assertEquals(failure.name(), e.problem().name());
            assertEquals("went wrong", e.getMessage());
        }
        AuditException invalid = assertInstanceOf(AuditException.class, AuditLibrary.CHECKS.invalid("bad"));
        assertEquals(AuditException.Problem.INVALID_ARGUMENT, invalid.problem());
    }
}
