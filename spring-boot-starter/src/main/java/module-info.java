/**
 * Hoheit for Spring Boot: auto-configures {@code ConsentService}, {@code AuditLog} and
 * {@code RetentionService} on the application's {@code DataSource}, joined to Spring's transactions,
 * after the application's own Flyway or Liquibase migrations, with a health indicator and Micrometer
 * metrics where Actuator and Micrometer are present.
 *
 * <p>Spring Boot applications run on the class path, where this descriptor is ignored; on the module
 * path Spring's jars are automatic modules, and the configuration packages are opened to Spring, which
 * creates and binds their classes reflectively.
 */
module dev.hoheit.spring {
    // The three libraries' types appear in the beans this module defines; a host injects them.
    requires transitive dev.hoheit.retention;
    requires transitive dev.hoheit.consent;
    requires transitive dev.hoheit.audit;
    requires transitive dev.hoheit.transaction;
    requires org.slf4j;

    // Spring is the host's, so every Spring jar is optional: a host without Spring Boot never loads this module's
    // classes. SpringCallerTransaction is usable on its own with spring-jdbc alone.
    requires static spring.core;
    requires static spring.beans;
    requires static spring.context;
    requires static spring.boot;
    requires static spring.boot.autoconfigure;
    requires static spring.jdbc;
    requires static spring.tx;
    // Present only when the host has Actuator or Micrometer; the classes using them are conditional on them.
    requires static spring.boot.actuator;
    requires static micrometer.core;

    exports dev.hoheit.spring;
    exports dev.hoheit.spring.actuate;

    // Spring instantiates the auto-configurations, the detector and the properties, and binds the properties.
    opens dev.hoheit.spring to spring.core, spring.beans, spring.context, spring.boot;
    opens dev.hoheit.spring.actuate to spring.core, spring.beans, spring.context, spring.boot;
}
