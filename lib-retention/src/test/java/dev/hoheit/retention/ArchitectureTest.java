package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoheit.testkit.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> retention_keeps_the_library_rules() {
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), ArchitectureRules.library("dev.hoheit.retention",
                // The factories of the service, its schema, the stores, and the report's rendering.
                "RetentionService", "RetentionSchema", "Stores", "TableStore", "AuditorReport"));
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        assertEquals("dev.hoheit.retention", ArchitectureRules.requireApiOnlyExports("dev.hoheit.retention").name());
    }
}
