package dev.hoheit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.hoheit.testkit.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The module is still a declaration (issue 3); its rules are in place for when code arrives. */
class ArchitectureTest {

    @Test
    void audit_keeps_the_library_rules() {
        JavaClasses classes = ArchitectureRules.mainClasses();
        for (ArchRule rule : ArchitectureRules.library("dev.hoheit.audit")) {
            rule.check(classes);
        }
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        assertEquals("dev.hoheit.audit", ArchitectureRules.requireApiOnlyExports("dev.hoheit.audit").name());
    }
}
