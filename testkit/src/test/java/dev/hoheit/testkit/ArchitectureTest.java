package dev.hoheit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void testkit_keeps_the_general_rules() {
        JavaClasses classes = ArchitectureRules.mainClasses();
        for (ArchRule rule : ArchitectureRules.general("dev.hoheit.testkit")) {
            rule.check(classes);
        }
    }

    @Test
    void testkit_runs_as_a_named_module_exporting_its_api() {
        var descriptor = ArchitectureRules.requireApiOnlyExports(DatabaseTest.class);
        assertEquals("dev.hoheit.testkit", descriptor.name());
        assertEquals(Set.of("dev.hoheit.testkit"), descriptor.exports().stream().map(e -> e.source()).collect(java.util.stream.Collectors.toSet()));
    }
}
