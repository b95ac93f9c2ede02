package dev.hoheit.consent.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hoheit.consent.ConsentException;
import dev.hoheit.transaction.internal.Failure;
import org.junit.jupiter.api.Test;

/** Every failure of the shared plumbing becomes a {@link ConsentException} with the problem of the same name. */
class ConsentLibraryFailuresTest {

    @Test
    void every_shared_failure_has_its_consent_problem() {
        for (Failure failure : Failure.values()) {
            ConsentException e = assertInstanceOf(ConsentException.class, ConsentLibrary.LIBRARY.failure(failure, "went wrong"));
            assertEquals(failure.name(), e.problem().name());
            assertEquals("went wrong", e.getMessage());
        }
        ConsentException invalid = assertInstanceOf(ConsentException.class, ConsentLibrary.CHECKS.invalid("bad"));
        assertEquals(ConsentException.Problem.INVALID_ARGUMENT, invalid.problem());
    }
}
