package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoheit.testkit.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> audit_keeps_the_library_rules() {
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), ArchitectureRules.library("dev.hoheit.audit",
                // The log's factory, its schema, and the checkpoint's note format (parse and render).
                "AuditLog", "AuditSchema", "Checkpoint"));
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        assertEquals("dev.hoheit.audit", ArchitectureRules.requireApiOnlyExports("dev.hoheit.audit").name());
    }
}
