package dev.hoheit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;

/**
 * lib-audit 0.1, the hash chain this release replaces, as the baseline of the append benchmark:
 * its own jar (built from an earlier commit by the run script), loaded into a module layer of its
 * own, so that the chain and the tree are measured in one JVM, in alternating rounds, on the same
 * traffic. It writes to its own schema, where its own migration scripts (V1, V2) create
 * {@code audit_event}, {@code audit_head} and the other 0.1 tables (which lib-audit's V3 migration
 * renames to {@code audit_v1_*}).
 *
 * <p>Its classes share their names with the current lib-audit but not a class loader, so its API
 * is called by reflection; one such call costs well under a microsecond, against tens of
 * microseconds per appended event.
 */
final class ChainLibrary implements AutoCloseable {

    /** What a 0.1 {@code verify()} reported. */
    record Verification(boolean ok, long eventsChecked, int checkpointsChecked, String text) {
    }

    /** What a 0.1 {@code prove} returned: the chain hash before the entry and the leaf hashes after it, up to its checkpoint. */
    record Proof(int followingLeaves) {

        /** The proof's hashes in bytes: the previous hash and every following leaf, 32 bytes each. */
        int hashBytes() {
            return (1 + followingLeaves) * 32;
        }
    }

    /** What a 0.1 {@code purgeBefore} reported. */
    record Purge(long eventsDeleted, int partitionsDropped, long boundarySeq) {
    }

    private static final String MODULE = "dev.hoheit.audit";
    private static final String MIGRATION_DIRECTORY = "META-INF/hoheit/audit/migration/postgresql/";
    private static final List<String> MIGRATIONS = List.of("V1__audit_schema.sql", "V2__checkpoint_public_key.sql");

    private final Object log;
    private final Object view;
    private final Method appendBatched;
    private final Method flush;
    private final Method verify;
    private final Method purgeBefore;
    private final Method prove;
    private final Method close;
    private final Method actorOf;
    private final Method resourceOf;
    private final Method eventOf;
    private final Method about;
    private final Method allowedBy;
    private final Method withDetails;
    private final Method from;
    private final Method clientOf;

    private ChainLibrary(ClassLoader loader, DataSource dataSource, Clock clock, int batchSize, int bufferCapacity)
            throws ReflectiveOperationException {
        Class<?> keys = type(loader, "AuditKeys");
        Class<?> config = type(loader, "AuditConfig");
        Class<?> auditLog = type(loader, "AuditLog");
        Class<?> actor = type(loader, "Actor");
        Class<?> action = type(loader, "AuditAction");
        Class<?> resource = type(loader, "Resource");
        Class<?> event = type(loader, "AuditEvent");
        Class<?> client = type(loader, "ClientInfo");
        Object configured = config.getMethod("of", keys).invoke(null, keys.getMethod("generate").invoke(null));
        // Its own migrations are run by hand (see migrate): Flyway, given this layer's loader, would also
        // find the current lib-audit's scripts through the parent loader and apply V3.
        configured = config.getMethod("withoutMigration").invoke(configured);
        configured = config.getMethod("withClock", Clock.class).invoke(configured, clock);
        configured = config.getMethod("withBatching", int.class, int.class).invoke(configured, batchSize, bufferCapacity);
        this.log = auditLog.getMethod("create", DataSource.class, config).invoke(null, dataSource, configured);
        this.view = action.getMethod("valueOf", String.class).invoke(null, AuditTraffic.ACTION);
        this.appendBatched = auditLog.getMethod("appendBatched", event);
        this.flush = auditLog.getMethod("flush");
        this.verify = auditLog.getMethod("verify");
        this.purgeBefore = auditLog.getMethod("purgeBefore", Instant.class);
        this.prove = auditLog.getMethod("prove", long.class);
        this.close = auditLog.getMethod("close");
        this.actorOf = actor.getMethod("of", String.class, String.class);
        this.resourceOf = resource.getMethod("of", String.class, String.class);
        this.eventOf = event.getMethod("of", actor, action, resource);
        this.about = event.getMethod("about", String.class);
        this.allowedBy = event.getMethod("allowedBy", String.class);
        this.withDetails = event.getMethod("withDetails", Map.class);
        this.from = event.getMethod("from", client);
        this.clientOf = client.getMethod("of", String.class, String.class);
    }

    /**
     * Loads lib-audit 0.1 from {@code jar} and opens a log on {@code dataSource} (migrating its schema)
     * with the same settings as the benchmark's current log: {@code AuditConfig.of(AuditKeys.generate())
     * .withClock(clock).withBatching(batchSize, bufferCapacity)}.
     */
    static ChainLibrary open(Path jar, DataSource dataSource, Clock clock, int batchSize, int bufferCapacity) {
        if (!Files.isRegularFile(jar)) {
            throw new BenchmarkException("lib-audit 0.1 jar " + jar + " not found (run-audit-benchmark.sh builds it; see --chain-from)");
        }
        ModuleLayer boot = ModuleLayer.boot();
        // Its own dev.hoheit.audit; jOOQ, Flyway, Jackson and SLF4J come from the boot layer (the same versions).
        Configuration configuration = boot.configuration().resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of(MODULE));
        ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        try {
            migrate(layer.findModule(MODULE).orElseThrow(), dataSource);
            return new ChainLibrary(layer.findLoader(MODULE), dataSource, clock, batchSize, bufferCapacity);
        } catch (InvocationTargetException e) {
            throw new BenchmarkException("lib-audit 0.1 could not be started: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new BenchmarkException("lib-audit 0.1 in " + jar + " does not have the expected API: " + e, e);
        } catch (IOException | SQLException e) {
            throw new BenchmarkException("lib-audit 0.1's schema could not be created: " + e, e);
        }
    }

    /** Runs the 0.1 jar's own PostgreSQL scripts, in order, each as one multi-statement string. */
    private static void migrate(Module module, DataSource dataSource) throws IOException, SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : MIGRATIONS) {
                try (InputStream in = module.getResourceAsStream(MIGRATION_DIRECTORY + script)) {
                    if (in == null) {
                        throw new BenchmarkException("lib-audit 0.1 jar has no " + MIGRATION_DIRECTORY + script);
                    }
                    statement.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
    }

    /** Queues event number {@code i} of {@link AuditTraffic#event}, built from the 0.1 classes. */
    CompletableFuture<?> appendBatched(long i, int actor, int subject) {
        Object event = call(eventOf, null, call(actorOf, null, AuditTraffic.actorId(actor), AuditTraffic.ROLE), view,
                call(resourceOf, null, AuditTraffic.RESOURCE_TYPE, AuditTraffic.resourceId(i)));
        event = call(about, event, AuditTraffic.subjectId(subject));
        event = call(allowedBy, event, AuditTraffic.purpose(subject));
        event = call(withDetails, event, AuditTraffic.details(i));
        event = call(from, event, call(clientOf, null, AuditTraffic.ip(i), AuditTraffic.USER_AGENT));
        return (CompletableFuture<?>) call(appendBatched, log, event);
    }

    void flush() {
        call(flush, log);
    }

    Verification verify() {
        Object report = call(verify, log);
        return new Verification((Boolean) property(report, "ok"), (Long) property(report, "eventsChecked"),
                (Integer) property(report, "checkpointsChecked"), (String) property(report, "toText"));
    }

    Proof prove(long seq) {
        Object proof = call(prove, log, seq);
        return new Proof(((List<?>) property(proof, "followingLeaves")).size());
    }

    Purge purgeBefore(Instant cutoff) {
        Object result = call(purgeBefore, log, cutoff);
        return new Purge((Long) property(result, "eventsDeleted"), (Integer) property(result, "partitionsDropped"),
                (Long) property(result, "boundarySeq"));
    }

    @Override
    public void close() {
        call(close, log);
    }

    private static Class<?> type(ClassLoader loader, String name) throws ClassNotFoundException {
        return Class.forName(MODULE + "." + name, true, loader);
    }

    private static Object property(Object target, String accessor) {
        try {
            return call(target.getClass().getMethod(accessor), target);
        } catch (NoSuchMethodException e) {
            throw new BenchmarkException("lib-audit 0.1 " + target.getClass().getSimpleName() + " has no " + accessor + "()", e);
        }
    }

    private static Object call(Method method, Object target, Object... arguments) {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new BenchmarkException("lib-audit 0.1 " + method.getName() + " failed", e.getCause());
        } catch (IllegalAccessException e) {
            throw new BenchmarkException("lib-audit 0.1 " + method.getName() + " is not accessible", e);
        }
    }
}
