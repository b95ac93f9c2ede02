package dev.hoheit.transaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.transaction.internal.Checks;
import dev.hoheit.transaction.internal.Failure;
import dev.hoheit.transaction.internal.Library;
import java.io.Serial;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.junit.jupiter.api.Test;

/** The shared plumbing without a database: checks, failures in the library's own exception, constraint violations. */
class LibraryTest {

    enum Problem { INVALID_ARGUMENT, STORAGE, UNSUPPORTED_DATABASE, INCOMPATIBLE_DEPENDENCY, SCHEMA_MISMATCH }

    static final class NotesException extends HoheitException {
        @Serial
        private static final long serialVersionUID = 1L;

        NotesException(Problem problem, String message, Throwable cause) {
            super(problem, message, cause);
        }

        @Override
        public Problem problem() {
            return (Problem) super.problem();
        }
    }

    private static final Library NOTES = new Library("notes", LibraryTest.class,
            (failure, message, cause) -> new NotesException(Problem.valueOf(failure.name()), message, cause));

    private static NotesException invalid(Runnable check) {
        NotesException e = assertThrows(NotesException.class, check::run);
        assertEquals(Problem.INVALID_ARGUMENT, e.problem(), e.getMessage());
        return e;
    }

    @Test
    void every_failure_becomes_the_library_exception_with_the_problem_of_its_name() {
        for (Failure failure : Failure.values()) {
            RuntimeException e = NOTES.failure(failure, "went wrong");
            assertEquals(failure.name(), ((NotesException) e).problem().name());
        }
        assertEquals("Hoheit notes", NOTES.name());
    }

    @Test
    void checks_name_the_field_and_normalise_what_they_accept() {
        Checks checks = NOTES.checks();
        assertEquals("a note", checks.text("title", "  a note ", 10));
        assertTrue(invalid(() -> checks.text("title", " ", 10)).getMessage().contains("title must not be blank"));
        assertTrue(invalid(() -> checks.text("title", "x".repeat(11), 10)).getMessage().contains("longer than 10"));
        assertTrue(invalid(() -> checks.token("scope", "two words", 20)).getMessage().contains("scope 'two words'"));
        assertEquals(Set.of("a", "b"), checks.tokens("scope", List.of("b", "a"), 5));
        assertTrue(invalid(() -> checks.list("stores", Arrays.asList("a", null))).getMessage().contains("stores must not contain null"));
        assertTrue(invalid(() -> checks.positive("period", Duration.ZERO)).getMessage().contains("period must be positive"));
        assertTrue(invalid(() -> checks.between("limit", 0, 1, 1000)).getMessage().contains("limit must be between 1 and 1000, was 0"));
        assertEquals(null, checks.optionalText("url", " ", 10));
    }

    @Test
    void a_storage_failure_keeps_its_cause_and_names_the_operation() {
        DataAccessException cause = new DataAccessException("boom", new SQLException("boom", "08006"));
        NotesException e = assertThrows(NotesException.class, () -> NOTES.guard("save a note", () -> {
            throw cause;
        }));
        assertEquals(Problem.STORAGE, e.problem());
        assertSame(cause, e.getCause());
        assertTrue(e.getMessage().contains("save a note (SQLSTATE 08006)"), e.getMessage());
    }

    @Test
    void constraint_violations_are_told_by_jooq_types_and_the_state_class() {
        assertTrue(Library.isConstraintViolation(new IntegrityConstraintViolationException("duplicate")));
        assertTrue(Library.isConstraintViolation(new DataAccessException("wrapped", new SQLException("duplicate", "23505"))));
        assertFalse(Library.isConstraintViolation(new DataAccessException("lost", new SQLException("lost", "08006"))));
    }
}
