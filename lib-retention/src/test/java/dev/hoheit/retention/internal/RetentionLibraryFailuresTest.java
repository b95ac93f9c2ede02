package dev.hoheit.retention.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hoheit.retention.RetentionException;
import dev.hoheit.transaction.internal.Failure;
import org.junit.jupiter.api.Test;

/** Every failure of the shared plumbing becomes a {@link RetentionException} with the problem of the same name. */
class RetentionLibraryFailuresTest {

    @Test
    void every_shared_failure_has_its_retention_problem() {
        for (Failure failure : Failure.values()) {
            RetentionException e = assertInstanceOf(RetentionException.class, RetentionLibrary.LIBRARY.failure(failure, "went wrong"));
            assertEquals(failure.name(), e.problem().name());
            assertEquals("went wrong", e.getMessage());
        }
        RetentionException invalid = assertInstanceOf(RetentionException.class, RetentionLibrary.CHECKS.invalid("bad"));
        assertEquals(RetentionException.Problem.INVALID_ARGUMENT, invalid.problem());
    }
}
