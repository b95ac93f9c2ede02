package dev.hoheit.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoheit.testkit.ArchitectureRules;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> consent_keeps_the_library_rules() {
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), ArchitectureRules.library("dev.hoheit.consent", "ConsentService", "ConsentSchema"));
    }

    @Test
    void the_module_exports_only_its_api_package() {
        ModuleDescriptor descriptor = ArchitectureRules.requireApiOnlyExports(ConsentService.class);
        assertEquals("dev.hoheit.consent", descriptor.name());
        assertEquals(Set.of("dev.hoheit.consent"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }
}
