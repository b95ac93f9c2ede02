package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoheit.testkit.ArchitectureRules;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> mentoring_keeps_the_general_rules() {
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), ArchitectureRules.general("dev.hoheit.mentoring"));
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        assertEquals("dev.hoheit.mentoring", ArchitectureRules.requireApiOnlyExports("dev.hoheit.mentoring").name());
    }
}
