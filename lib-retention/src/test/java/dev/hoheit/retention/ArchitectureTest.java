package dev.hoheit.retention;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceRule;
import dev.hoheit.testkit.ArchitectureRules;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> retention_keeps_the_library_rules() {
        List<ArchRule> rules = new ArrayList<>(ArchitectureRules.library("dev.hoheit.retention",
                // The factories of the service, its schema, the stores, and the report's rendering.
                "RetentionService", "RetentionSchema", "Stores", "TableStore", "AuditorReport"));
        // The SPI's records refuse a bad argument with the library's own exception (RetentionException,
        // INVALID_ARGUMENT): the one way the SPI may reach back into the API package; any other is a cycle.
        rules.replaceAll(rule -> rule instanceof SliceRule cycles
                ? cycles.ignoreDependency(resideInAPackage("dev.hoheit.retention.spi"), belongToAnyOf(RetentionException.class)) : rule);
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), rules);
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        assertEquals("dev.hoheit.retention", ArchitectureRules.requireApiOnlyExports("dev.hoheit.retention").name());
    }
}
