package dev.hoheit.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SliceRule;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The architecture rules every Hoheit module keeps, in one place so each module's
 * {@code ArchitectureTest} applies the same ones.
 */
public final class ArchitectureRules {

    /** Third-party packages that must never appear in a library's API packages. */
    private static final String[] DEPENDENCY_PACKAGES = {
        "org.jooq..", "com.zaxxer..", "com.fasterxml..", "org.flywaydb..", "io.javalin..", "org.h2..", "org.postgresql.."
    };

    /** System.out and System.err belong to a command's main method, nowhere else. */
    private static final ArchCondition<JavaClass> NOT_USE_STANDARD_STREAMS_OUTSIDE_MAIN =
            new ArchCondition<>("not use System.out or System.err outside a main method") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    for (JavaFieldAccess access : type.getFieldAccessesFromSelf()) {
                        boolean stream = access.getTargetOwner().isEquivalentTo(System.class)
                                && (access.getName().equals("out") || access.getName().equals("err"));
                        if (stream && !access.getOrigin().getName().equals("main")) {
                            events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                        }
                    }
                }
            };

    private ArchitectureRules() {
    }

    /** Imports the compiled main classes of the module under test (its {@code target/classes}). */
    public static JavaClasses mainClasses() {
        Path classes = Path.of("target", "classes");
        if (!Files.isDirectory(classes)) {
            throw new IllegalStateException("No compiled classes at " + classes.toAbsolutePath());
        }
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(classes);
    }

    /**
     * The general rules: no standard streams outside {@code main}, no {@code java.util.logging}, no generic exceptions
     * thrown, and no cycles between the packages of {@code basePackage}, the base package itself included.
     */
    public static List<ArchRule> general(String basePackage) {
        return List.of(
                classes().should(NOT_USE_STANDARD_STREAMS_OUTSIDE_MAIN),
                NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING,
                NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS,
                noCycles(basePackage, Set.of()));
    }

    /**
     * No cycle between any two packages of {@code basePackage}: every package is a slice of its own,
     * the base package too (a slice pattern such as {@code base.(**)} would leave the base package
     * out, and with it every cycle between the API and a sub-package). The one edge a library's
     * design has from its API into {@code internal}, the front doors that build the implementation,
     * is left out (the rule {@link #onlyTheFrontDoorsReachInternal} keeps it to them), and so is
     * jOOQ's generated code (tables, keys and records refer to each other by design).
     *
     * @param frontDoors the fully qualified names of the API classes that may reach {@code basePackage.internal}
     */
    public static SliceRule noCycles(String basePackage, Set<String> frontDoors) {
        return slices().assignedFrom(new EveryPackage(basePackage)).should().beFreeOfCycles()
                .ignoreDependency(frontDoor(frontDoors), resideInAPackage(basePackage + ".internal.."))
                .ignoreDependency(resideInAPackage(basePackage + ".internal.jooq.."), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage(basePackage + ".internal.jooq.."))
                .as("the packages of " + basePackage + " (the base package included) are free of cycles");
    }

    /**
     * Only the front doors reach the implementation: no class outside {@code basePackage.internal}
     * depends on it except the named ones (the factory that builds the implementation, say) and
     * their nested classes.
     */
    public static ArchRule onlyTheFrontDoorsReachInternal(String basePackage, Set<String> frontDoors) {
        return noClasses().that().resideOutsideOfPackage(basePackage + ".internal..")
                .and(DescribedPredicate.not(frontDoor(frontDoors)))
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".internal..")
                .as("only " + (frontDoors.isEmpty() ? "the internal packages" : String.join(", ", new TreeSet<>(frontDoors)))
                        + " reach " + basePackage + ".internal");
    }

    private static DescribedPredicate<JavaClass> frontDoor(Set<String> frontDoors) {
        return DescribedPredicate.describe("a front door " + frontDoors, type -> frontDoors.contains(outermost(type).getName()));
    }

    /** One JUnit test per rule, named by the rule, so a report shows which rule holds and which does not. */
    public static Stream<DynamicTest> tests(JavaClasses classes, List<ArchRule> rules) {
        if (classes.isEmpty()) {
            throw new AssertionError("no classes to check: a rule over nothing cannot fail");
        }
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    private static JavaClass outermost(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer;
    }

    /** Each package below (and including) the base package is one slice, named by its path below the base. */
    private static final class EveryPackage implements SliceAssignment {
        private final String basePackage;

        EveryPackage(String basePackage) {
            this.basePackage = basePackage;
        }

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass type) {
            String name = type.getPackageName();
            if (name.equals(basePackage)) {
                return SliceIdentifier.of("(" + basePackage + ")");
            }
            return name.startsWith(basePackage + ".") ? SliceIdentifier.of(name.substring(basePackage.length() + 1)) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every package of " + basePackage;
        }
    }

    /**
     * The rules for a library: the {@linkplain #general general rules}; only the named front doors
     * reach {@code basePackage.internal}; and its API packages (everything outside
     * {@code ..internal..}) never depend on jOOQ, Hikari, Jackson, Flyway or a JDBC driver, so those
     * types can never leak into a public signature.
     *
     * @param frontDoors the simple names of the API classes in {@code basePackage} that build or call the implementation
     */
    public static List<ArchRule> library(String basePackage, String... frontDoors) {
        Set<String> doors = new HashSet<>();
        for (String door : frontDoors) {
            doors.add(basePackage + "." + door);
        }
        List<ArchRule> rules = new ArrayList<>(general(basePackage).subList(0, 3));
        rules.add(noCycles(basePackage, doors));
        rules.add(onlyTheFrontDoorsReachInternal(basePackage, doors));
        rules.add(noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackage(basePackage + ".internal..")
                .should().dependOnClassesThat().resideInAnyPackage(DEPENDENCY_PACKAGES)
                .as("API packages of " + basePackage + " do not depend on third-party library types"));
        return rules;
    }

    /**
     * Checks the module descriptor of a class's module: it must be a named module (so the test runs
     * on the module path) and export no {@code internal} package.
     *
     * @return the module descriptor, for further checks
     */
    public static ModuleDescriptor requireApiOnlyExports(Class<?> anyClassOfTheModule) {
        Module module = anyClassOfTheModule.getModule();
        if (!module.isNamed() || module.getDescriptor() == null) {
            throw new AssertionError(anyClassOfTheModule.getName() + " is not in a named module: tests must run on the module path");
        }
        return checkExports(module.getDescriptor());
    }

    /**
     * The same check for a module found by name in the boot layer (for a module that has no class yet).
     *
     * @return the module descriptor, for further checks
     */
    public static ModuleDescriptor requireApiOnlyExports(String moduleName) {
        Module module = ModuleLayer.boot().findModule(moduleName).orElseThrow(() ->
                new AssertionError("module " + moduleName + " is not on the module path"));
        return checkExports(module.getDescriptor());
    }

    private static ModuleDescriptor checkExports(ModuleDescriptor descriptor) {
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
            // A qualified export to another Hoheit module (the auditor's verifier) is part of the design, not a leak.
            boolean toHoheitOnly = export.isQualified() && export.targets().stream().allMatch(t -> t.startsWith("dev.hoheit."));
            if (export.source().contains(".internal") && !toHoheitOnly) {
                throw new AssertionError(descriptor.name() + " exports the internal package " + export.source());
            }
        }
        for (ModuleDescriptor.Opens open : descriptor.opens()) {
            if (open.source().contains(".internal") && !open.isQualified()) {
                throw new AssertionError(descriptor.name() + " opens the internal package " + open.source() + " to everyone");
            }
        }
        return descriptor;
    }
}
