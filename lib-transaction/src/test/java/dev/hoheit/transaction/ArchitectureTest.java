package dev.hoheit.transaction;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.lang.ArchRule;
import dev.hoheit.testkit.ArchitectureRules;
import java.lang.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> transaction_keeps_the_library_rules() {
        List<ArchRule> rules = new ArrayList<>(ArchitectureRules.general("dev.hoheit.transaction"));
        rules.add(noClasses().that().resideInAPackage("dev.hoheit.transaction")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..")
                .as("the API is free of jOOQ types but for its jOOQ adapter package"));
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), rules);
    }

    @Test
    void the_module_exports_its_api_and_the_runner_to_the_libraries_only() {
        ModuleDescriptor descriptor = ArchitectureRules.requireApiOnlyExports(Transactions.class);
        assertEquals(Set.of("dev.hoheit.transaction", "dev.hoheit.transaction.jooq", "dev.hoheit.transaction.internal"),
                descriptor.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }
}
