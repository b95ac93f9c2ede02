package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import dev.hoheit.testkit.ArchitectureRules;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void consent_keeps_the_library_rules() {
        JavaClasses classes = ArchitectureRules.mainClasses();
        for (ArchRule rule : ArchitectureRules.library("dev.hoheit.consent")) {
            rule.check(classes);
        }
    }

    @Test
    void the_module_exports_only_its_api_package() {
        ModuleDescriptor descriptor = ArchitectureRules.requireApiOnlyExports(ConsentService.class);
        assertEquals("dev.hoheit.consent", descriptor.name());
        assertEquals(Set.of("dev.hoheit.consent"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }
}
