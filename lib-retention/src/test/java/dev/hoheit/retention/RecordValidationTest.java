package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The API records' own checks, without a database: every bad argument is INVALID_ARGUMENT, naming it. */
class RecordValidationTest {

    private static final DataCategory NOTES = new DataCategory("notes", "Notes", List.of("body"), true);

    private static void refused(String named, Executable construction) {
        RetentionException e = assertThrows(RetentionException.class, construction);
        assertEquals(RetentionException.Problem.INVALID_ARGUMENT, e.problem(), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void a_store_descriptor_names_each_bad_argument() {
        refused("store name must not be blank", () -> new StoreDescriptor(null, "d", List.of(NOTES), List.of("notes")));
        refused("store name 'Notes'", () -> new StoreDescriptor("Notes", "d", List.of(NOTES), List.of("notes")));
        refused("store description", () -> new StoreDescriptor("notes", null, List.of(NOTES), List.of("notes")));
        refused("store categories", () -> new StoreDescriptor("notes", "d", null, List.of("notes")));
        refused("store categories must not contain null", () -> new StoreDescriptor("notes", "d", Arrays.asList(NOTES, null),
                List.of("notes")));
        refused("store tables", () -> new StoreDescriptor("notes", "d", List.of(NOTES), null));
        refused("store table must not be blank", () -> new StoreDescriptor("notes", "d", List.of(NOTES), List.of(" ")));
        refused("erasure order", () -> new StoreDescriptor("notes", "d", List.of(NOTES), List.of("notes"), null));
    }

    @Test
    void a_store_is_erased_with_the_others_unless_marked_last() {
        StoreDescriptor notes = new StoreDescriptor("notes", "d", List.of(NOTES), List.of("NOTES"));
        assertEquals(StoreDescriptor.ErasureOrder.WITH_THE_OTHERS, notes.erasureOrder());
        assertEquals(List.of("notes"), notes.tables());
        assertEquals(StoreDescriptor.ErasureOrder.LAST, notes.erasedLast().erasureOrder());
        assertEquals(StoreDescriptor.ErasureOrder.LAST, Stores.audit(null).descriptor().erasureOrder(), "the audit log is erased last");
    }

    @Test
    void a_data_category_names_each_bad_argument() {
        refused("category name must not be blank", () -> new DataCategory(" ", "d", List.of("body"), true));
        refused("category name 'my notes'", () -> new DataCategory("my notes", "d", List.of("body"), true));
        refused("category description", () -> new DataCategory("notes", null, List.of("body"), true));
        refused("category fields", () -> new DataCategory("notes", "d", null, true));
    }

    @Test
    void a_retention_policy_names_each_bad_argument() {
        refused("policy category", () -> RetentionPolicy.delete(null, Duration.ofDays(1), "r"));
        refused("retention period of notes must not be null", () -> RetentionPolicy.delete("notes", null, "r"));
        refused("retention period of notes must be positive", () -> RetentionPolicy.delete("notes", Duration.ZERO, "r"));
        refused("policy action", () -> new RetentionPolicy("notes", Duration.ofDays(1), null, "r"));
        assertEquals("", new RetentionPolicy("notes", Duration.ofDays(1), RetentionAction.DELETE, null).reason());
    }

    @Test
    void a_retention_config_names_each_missing_setting() {
        refused("audit must not be null", () -> RetentionConfig.of(null));
    }
}
