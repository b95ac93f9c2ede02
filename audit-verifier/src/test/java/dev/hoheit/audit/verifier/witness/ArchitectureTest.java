package dev.hoheit.audit.verifier.witness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.ArchitectureRules;
import java.lang.module.ModuleDescriptor;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> the_verifier_keeps_the_general_rules() {
        return ArchitectureRules.tests(ArchitectureRules.mainClasses(), ArchitectureRules.general("dev.hoheit.audit.verifier"));
    }

    @Test
    void the_witness_uses_only_the_published_tlog_api_of_lib_audit() {
        noClasses().that().resideInAPackage("dev.hoheit.audit.verifier.witness..")
                .should().dependOnClassesThat().resideInAPackage("dev.hoheit.audit.internal..")
                .check(ArchitectureRules.mainClasses());
    }

    @Test
    void the_verifier_uses_nothing_internal_of_lib_audit_but_its_log_checker() {
        noClasses().that().resideInAPackage("dev.hoheit.audit.verifier..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "internal to lib-audit, other than LogVerifier",
                        (com.tngtech.archunit.core.domain.JavaClass c) -> c.getPackageName().startsWith("dev.hoheit.audit.internal")
                                && !c.getName().startsWith("dev.hoheit.audit.internal.LogVerifier")))
                .check(ArchitectureRules.mainClasses());
    }

    @Test
    void the_module_is_named_and_exports_nothing_internal() {
        ModuleDescriptor descriptor = ArchitectureRules.requireApiOnlyExports(Witness.class);
        assertEquals("dev.hoheit.audit.verifier", descriptor.name());
        assertTrue(descriptor.requires().stream().anyMatch(r -> r.name().equals("jdk.httpserver")));
    }
}
