package dev.hoheit.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules fail where they should: each is run over a fixture package (in this module's tests) that
 * breaks it, and over one that keeps it. A rule that passes over the broken fixture would pass over
 * a broken library too.
 */
class ArchitectureRulesTest {

    private static final String FIXTURE = "dev.hoheit.testkit.fixture";

    private static JavaClasses fixture(String name) {
        JavaClasses classes = new ClassFileImporter().importPath(Path.of("target", "test-classes", "dev", "hoheit", "testkit", "fixture", name));
        assertTrue(classes.size() >= 2, "the fixture " + name + " was not imported: " + classes.size() + " classes");
        return classes;
    }

    private static void holds(List<ArchRule> rules, JavaClasses classes) {
        rules.forEach(rule -> rule.check(classes));
    }

    private static void fails(ArchRule rule, JavaClasses classes, String expectedInMessage) {
        AssertionError error = assertThrows(AssertionError.class, () -> rule.check(classes), rule.getDescription());
        assertTrue(error.getMessage().contains(expectedInMessage), () -> "the failure should name " + expectedInMessage + ": " + error.getMessage());
    }

    @Test
    void a_library_with_its_front_door_keeps_every_rule() {
        holds(ArchitectureRules.library(FIXTURE + ".clean", "Library"), fixture("clean"));
    }

    @Test
    void an_api_value_calling_internal_code_is_a_cycle_and_an_internal_access() {
        JavaClasses classes = fixture("apicycle");
        fails(ArchitectureRules.noCycles(FIXTURE + ".apicycle", Set.of()), classes, "Cycle detected");
        fails(ArchitectureRules.onlyTheFrontDoorsReachInternal(FIXTURE + ".apicycle", Set.of(FIXTURE + ".apicycle.Library")), classes,
                "Value");
    }

    @Test
    void a_cycle_through_the_root_package_is_found() {
        JavaClasses classes = fixture("rootcycle");
        fails(ArchitectureRules.noCycles(FIXTURE + ".rootcycle", Set.of()), classes, "Cycle detected");
        // The pattern the rules used before: it leaves the root package out and so never sees this cycle.
        SlicesRuleDefinition.slices().matching(FIXTURE + ".rootcycle.(**)").should().beFreeOfCycles().allowEmptyShould(true).check(classes);
    }

    @Test
    void only_the_named_front_door_may_reach_internal() {
        JavaClasses classes = fixture("leak");
        ArchitectureRules.noCycles(FIXTURE + ".leak", Set.of()).check(classes);
        fails(ArchitectureRules.onlyTheFrontDoorsReachInternal(FIXTURE + ".leak", Set.of(FIXTURE + ".leak.Library")), classes, "Shortcut");
        // Both named: no class is left for the rule to check, which is allowed here only.
        ArchitectureRules.onlyTheFrontDoorsReachInternal(FIXTURE + ".leak", Set.of(FIXTURE + ".leak.Library", FIXTURE + ".leak.Shortcut"))
                .allowEmptyShould(true).check(classes);
    }

    @Test
    void the_front_door_edge_does_not_hide_other_cycles() {
        // In the clean fixture the front door's edge is the only way into internal: with it ignored the packages are acyclic,
        // without ignoring it they are not (Library -> Implementation -> Library).
        JavaClasses classes = fixture("clean");
        ArchitectureRules.noCycles(FIXTURE + ".clean", Set.of(FIXTURE + ".clean.Library")).check(classes);
        fails(ArchitectureRules.noCycles(FIXTURE + ".clean", Set.of()), classes, "Cycle detected");
    }

    @Test
    void a_rule_over_no_classes_is_refused() {
        assertThrows(AssertionError.class, () -> ArchitectureRules.tests(new ClassFileImporter().importPath(Path.of("target", "no-such-folder")),
                ArchitectureRules.general(FIXTURE)).toList());
    }
}
