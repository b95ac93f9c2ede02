/**
 * Smoffen, the Hoheit reference mentoring platform: the three libraries assembled into a web
 * application on Javalin. An application, so it exports nothing but its start to the benchmarks.
 */
module dev.hoheit.mentoring {
    requires dev.hoheit.retention;
    requires io.javalin;
    requires org.eclipse.jetty.server;
    requires com.fasterxml.jackson.databind;
    requires com.zaxxer.hikari;
    requires org.jooq;
    requires flyway.core;
    requires org.bouncycastle.provider;
    requires org.slf4j;
    requires com.h2database;
    // Password strength: zxcvbn refuses common, leaked-style and guessable passwords.
    requires com.nulabinc.zxcvbn;
    // Optional e-mail copies of notifications over SMTP (Eclipse Angus provides the implementation).
    requires jakarta.mail;
    // ImageIO decodes and re-encodes pictures (strips their metadata).
    requires java.desktop;
    // Look-alike nicknames are refused by their Unicode confusable skeleton (SpoofChecker).
    requires com.ibm.icu;

    // The benchmarks start the app (SmoffenApp.start with a wrapped audit log) to measure what auditing costs a request.
    exports dev.hoheit.mentoring to dev.hoheit.benchmarks;
    // Jackson reads and writes the API's request and response records.
    opens dev.hoheit.mentoring.web to com.fasterxml.jackson.databind;
    // jOOQ instantiates the generated record classes reflectively.
    opens dev.hoheit.mentoring.internal.jooq.tables.records to org.jooq;
}
