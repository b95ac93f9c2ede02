package dev.hoheit.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaFieldAccess;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     * thrown, and no cycles between the packages below {@code basePackage}.
     */
    public static List<ArchRule> general(String basePackage) {
        // allowEmptyShould: a module that is still only a declaration keeps the rules trivially.
        return List.of(
                classes().should(NOT_USE_STANDARD_STREAMS_OUTSIDE_MAIN).allowEmptyShould(true),
                NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.allowEmptyShould(true),
                NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS.allowEmptyShould(true),
                slices().matching(basePackage + ".(**)").should().beFreeOfCycles()
                        // jOOQ's generated code (tables <-> keys <-> records) is cyclic by design.
                        .ignoreDependency(resideInAPackage(basePackage + ".internal.jooq.."), alwaysTrue())
                        .allowEmptyShould(true));
    }

    /**
     * The rules for a library: its API packages (everything outside {@code ..internal..}) never
     * depend on jOOQ, Hikari, Jackson, Flyway or a JDBC driver, so those types can never leak into
     * a public signature.
     */
    public static List<ArchRule> library(String basePackage) {
        List<ArchRule> rules = new ArrayList<>(general(basePackage));
        rules.add(noClasses().that().resideInAPackage(basePackage + "..")
                .and().resideOutsideOfPackage(basePackage + ".internal..")
                .should().dependOnClassesThat().resideInAnyPackage(DEPENDENCY_PACKAGES)
                .as("API packages of " + basePackage + " do not depend on third-party library types")
                .allowEmptyShould(true));
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
