package dev.hoheit.testkit;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;

/**
 * The engine behind {@link DatabaseTest} (use the annotation, not this class): one invocation per {@link DatabaseKind}, each with its own
 * fresh database that is migrated before and dropped after the test.
 */
public final class DatabaseExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> method.isAnnotationPresent(DatabaseTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return Stream.of(DatabaseKind.values()).map(Invocation::new);
    }

    /** One run of the test on one database. */
    private record Invocation(DatabaseKind kind) implements TestTemplateInvocationContext {

        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + kind.displayName() + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new OnDatabase(kind));
        }
    }

    /** Skips a run whose database is missing, and hands the test its {@link TestDatabase}. */
    private record OnDatabase(DatabaseKind kind) implements ExecutionCondition, ParameterResolver {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String skipped = skipReason(kind, context);
            if (skipped != null) {
                return ConditionEvaluationResult.disabled(kind.displayName() + " skipped: " + skipped);
            }
            if (kind != DatabaseKind.H2 && DatabaseServer.of(kind) instanceof DatabaseServer.Unavailable missing) {
                return ConditionEvaluationResult.disabled(kind.displayName() + " skipped: " + missing.reason());
            }
            return ConditionEvaluationResult.enabled(kind.displayName() + " available");
        }

        /** Why {@code kind} is left out here ({@link SkipDatabase} or the JVM's skip property), or null. */
        private static String skipReason(DatabaseKind kind, ExtensionContext context) {
            String property = System.getProperty(kind.skipProperty());
            if (property != null && !property.isBlank()) {
                return property.strip();
            }
            for (AnnotatedElement element : new AnnotatedElement[] {
                    context.getTestMethod().orElse(null), context.getTestClass().orElse(null)}) {
                SkipDatabase skip = element == null ? null : element.getAnnotation(SkipDatabase.class);
                if (skip != null && Arrays.asList(skip.value()).contains(kind)) {
                    return skip.reason();
                }
            }
            return null;
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == TestDatabase.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
            return context.getStore(NAMESPACE).getOrComputeIfAbsent(kind, key -> open(kind, context), TestDatabase.class);
        }

        private static TestDatabase open(DatabaseKind kind, ExtensionContext context) {
            TestDatabase database = TestDatabase.create(kind);
            try {
                MigrateWith migrations = context.getRequiredTestClass().getAnnotation(MigrateWith.class);
                if (migrations != null) {
                    for (Class<? extends SchemaMigration> type : migrations.value()) {
                        type.getDeclaredConstructor().newInstance().migrate(database.dataSource());
                    }
                }
                return database;
            } catch (InvocationTargetException e) {
                database.close();
                throw new ParameterResolutionException("Migration failed on " + database + ": " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException | RuntimeException e) {
                database.close();
                throw new ParameterResolutionException("Could not migrate " + database + ": " + e, e);
            }
        }
    }
}
