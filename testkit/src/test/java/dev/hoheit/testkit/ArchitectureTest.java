package dev.hoheit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> testkit_keeps_the_general_rules() {
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), ArchitectureRules.general("dev.hoheit.testkit"));
    }

    @Test
    void testkit_runs_as_a_named_module_exporting_its_api() {
        var descriptor = ArchitectureRules.requireApiOnlyExports(DatabaseTest.class);
        assertEquals("dev.hoheit.testkit", descriptor.name());
        assertEquals(Set.of("dev.hoheit.testkit"), descriptor.exports().stream().map(e -> e.source()).collect(java.util.stream.Collectors.toSet()));
    }
}
