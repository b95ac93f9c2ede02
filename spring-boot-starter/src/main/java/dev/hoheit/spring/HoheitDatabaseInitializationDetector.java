package dev.hoheit.spring;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.consent.ConsentService;
import dev.hoheit.retention.RetentionService;
import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Tells Spring Boot that the Hoheit services depend on database initialization: each is created (and
 * migrates its own tables) only after the application's Flyway, Liquibase or SQL-script initializers
 * have run. Otherwise a service created first leaves tables in an empty schema and the application's
 * Flyway refuses it ({@code Found non-empty schema(s) ... but no schema history table}). Registered in
 * {@code META-INF/spring.factories}; it covers the services whoever defines them.
 *
 * @since 0.2
 */
public final class HoheitDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    /** Created by Spring Boot from {@code META-INF/spring.factories}. */
    public HoheitDatabaseInitializationDetector() {
    }

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ConsentService.class, AuditLog.class, RetentionService.class);
    }
}
