package dev.hoheit.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.hoheit.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The module is still a declaration (issue 4); its rules are in place for when code arrives. */
class ArchitectureTest {

    @Test
    void retention_keeps_the_library_rules() {
        JavaClasses classes = ArchitectureRules.mainClasses();
        for (ArchRule rule : ArchitectureRules.library("dev.hoheit.retention")) {
            rule.check(classes);
        }
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        assertEquals("dev.hoheit.retention", ArchitectureRules.requireApiOnlyExports("dev.hoheit.retention").name());
    }
}
