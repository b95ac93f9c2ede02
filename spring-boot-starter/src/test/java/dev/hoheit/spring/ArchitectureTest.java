package dev.hoheit.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.ArchitectureRules;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The starter keeps the general rules, and its compiled module descriptor exports only its API packages. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> the_starter_keeps_the_general_rules() {
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), ArchitectureRules.general("dev.hoheit.spring"));
    }

    @Test
    void the_module_is_named_and_needs_spring_only_optionally() throws Exception {
        // The tests run on the class path (as Spring Boot applications do), so the descriptor is read from the build.
        ModuleDescriptor descriptor;
        try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
            descriptor = ModuleDescriptor.read(in);
        }
        assertEquals("dev.hoheit.spring", descriptor.name());
        assertEquals(Set.of("dev.hoheit.spring", "dev.hoheit.spring.actuate"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
        assertTrue(descriptor.requires().stream().filter(requires -> requires.name().startsWith("spring"))
                .allMatch(requires -> requires.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)),
                "every Spring module is required static (optional): " + descriptor.requires());
    }
}
