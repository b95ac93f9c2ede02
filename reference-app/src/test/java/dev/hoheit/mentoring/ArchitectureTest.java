package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.hoheit.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The module is still a declaration (issues 5 and 6); its rules are in place for when code arrives. */
class ArchitectureTest {

    @Test
    void mentoring_keeps_the_general_rules() {
        JavaClasses classes = ArchitectureRules.mainClasses();
        for (ArchRule rule : ArchitectureRules.general("dev.hoheit.mentoring")) {
            rule.check(classes);
        }
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        assertEquals("dev.hoheit.mentoring", ArchitectureRules.requireApiOnlyExports("dev.hoheit.mentoring").name());
    }
}
