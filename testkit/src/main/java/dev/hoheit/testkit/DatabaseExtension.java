package dev.hoheit.testkit;

import java.lang.reflect.InvocationTargetException;
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
            if (kind == DatabaseKind.POSTGRESQL && PostgresServer.get() instanceof PostgresServer.Unavailable missing) {
                return ConditionEvaluationResult.disabled("PostgreSQL skipped: " + missing.reason());
            }
            return ConditionEvaluationResult.enabled(kind.displayName() + " available");
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
