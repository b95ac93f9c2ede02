package dev.hoheit.spring;

import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.transaction.Transactions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code hoheit.*} properties of the Spring Boot starter. Each maps to a setting of the
 * libraries' configs ({@code ConsentConfig}, {@code AuditConfig}, {@code RetentionConfig}); what is
 * not set keeps the library's default.
 *
 * @since 0.2
 */
@ConfigurationProperties(prefix = "hoheit")
public class HoheitProperties {

    /**
     * Where the libraries' writes run: JOIN the Spring transaction open on the calling thread (and run
     * in a transaction of their own when there is none), MANDATORY (refuse without one), or OWN (always
     * a transaction of their own).
     */
    private Transactions.Mode transactions = Transactions.Mode.JOIN;

    /**
     * The schema (on MariaDB, the database) all three libraries keep their tables and Flyway history
     * tables in, created if missing; unset, the DataSource's current schema. {@code hoheit.consent.schema},
     * {@code hoheit.audit.schema} and {@code hoheit.retention.schema} override it per library.
     */
    private String schema;

    private final Consent consent = new Consent();
    private final Audit audit = new Audit();
    private final Retention retention = new Retention();
    private final Health health = new Health();

    public Transactions.Mode getTransactions() {
        return transactions;
    }

    public void setTransactions(Transactions.Mode transactions) {
        this.transactions = transactions;
    }

    public String getSchema() {
        return schema;
    }

    public void setSchema(String schema) {
        this.schema = schema;
    }

    /** The schema of a library: its own setting, else {@code hoheit.schema}, else null (the current schema). */
    String schemaOf(String own) {
        if (own != null && !own.isBlank()) {
            return own.strip();
        }
        return schema == null || schema.isBlank() ? null : schema.strip();
    }

    public Consent getConsent() {
        return consent;
    }

    public Audit getAudit() {
        return audit;
    }

    public Retention getRetention() {
        return retention;
    }

    public Health getHealth() {
        return health;
    }

    /** {@code hoheit.consent.*}: the consent service. */
    public static class Consent {

        /** Whether to auto-configure a ConsentService. */
        private boolean enabled = true;

        /** The service consent is collected for, named on receipts (defaults to the controller's name). */
        private String serviceName;

        /** How a subject withdraws consent, shown on receipts as the termination terms. */
        private String withdrawalHint;

        private final Controller controller = new Controller();

        /** The schema of the consent tables; unset, {@code hoheit.schema}. */
        private String schema;

        public String getSchema() {
            return schema;
        }

        public void setSchema(String schema) {
            this.schema = schema;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getServiceName() {
            return serviceName;
        }

        public void setServiceName(String serviceName) {
            this.serviceName = serviceName;
        }

        public String getWithdrawalHint() {
            return withdrawalHint;
        }

        public void setWithdrawalHint(String withdrawalHint) {
            this.withdrawalHint = withdrawalHint;
        }

        public Controller getController() {
            return controller;
        }
    }

    /** {@code hoheit.consent.controller.*}: the controller (GDPR Art. 4(7)) named on every receipt; all required. */
    public static class Controller {

        /** Legal name of the controller. */
        private String name;

        /** Contact person or office, such as the data protection officer. */
        private String contact;

        /** Postal address. */
        private String address;

        /** Contact e-mail. */
        private String email;

        /** Contact phone number. */
        private String phone;

        /** Jurisdiction whose law applies, such as DE or EU. */
        private String jurisdiction;

        /** URL of the privacy policy. */
        private String policyUrl;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getContact() {
            return contact;
        }

        public void setContact(String contact) {
            this.contact = contact;
        }

        public String getAddress() {
            return address;
        }

        public void setAddress(String address) {
            this.address = address;
        }

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }

        public String getJurisdiction() {
            return jurisdiction;
        }

        public void setJurisdiction(String jurisdiction) {
            this.jurisdiction = jurisdiction;
        }

        public String getPolicyUrl() {
            return policyUrl;
        }

        public void setPolicyUrl(String policyUrl) {
            this.policyUrl = policyUrl;
        }
    }

    /** {@code hoheit.audit.*}: the audit log. */
    public static class Audit {

        /** Whether to auto-configure an AuditLog. */
        private boolean enabled = true;

        /**
         * Folder of the audit keys (master key and signing key), created on first start. Required. Keep it
         * outside the database and back it up: without the master key the log's personal fields are unreadable.
         */
        private Path keyDir;

        /**
         * Folder where the log keeps the newest checkpoint it signed, outside the database, so a database
         * rolled back or rewritten is noticed (defaults to the key folder).
         */
        private Path stateDir;

        /** The log's name: the first line of its checkpoints (a scheme-less URL such as smoffen.example/audit). */
        private String origin = "hoheit.dev/audit";

        /** The published retention period: a purge may only remove events at least this old. */
        private Duration retention = Duration.ofDays(365);

        /** Seal a checkpoint after this many events. */
        private int sealEvery = 1000;

        /** Most events written in one group commit of batched appends. */
        private int batchSize = 500;

        /** Most batched events waiting for a group commit; a full buffer blocks the caller. */
        private int bufferCapacity = 10000;

        /** How long a person's key is cached (after an erasure elsewhere, this instance may read their fields this long). */
        private Duration keyCacheTtl = Duration.ofSeconds(30);

        /** Whether this instance runs an integrator (off for instances that only append while others integrate). */
        private boolean integrate = true;

        /** The witnesses every new checkpoint is submitted to (C2SP tlog-witness). */
        private List<Witness> witnesses = new ArrayList<>();

        /** How many witnesses must have cosigned the newest checkpoint for it to count as witnessed. */
        private int witnessQuorum;

        /** The schema of the audit tables; unset, {@code hoheit.schema}. */
        private String schema;

        public String getSchema() {
            return schema;
        }

        public void setSchema(String schema) {
            this.schema = schema;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getKeyDir() {
            return keyDir;
        }

        public void setKeyDir(Path keyDir) {
            this.keyDir = keyDir;
        }

        public Path getStateDir() {
            return stateDir;
        }

        public void setStateDir(Path stateDir) {
            this.stateDir = stateDir;
        }

        public String getOrigin() {
            return origin;
        }

        public void setOrigin(String origin) {
            this.origin = origin;
        }

        public Duration getRetention() {
            return retention;
        }

        public void setRetention(Duration retention) {
            this.retention = retention;
        }

        public int getSealEvery() {
            return sealEvery;
        }

        public void setSealEvery(int sealEvery) {
            this.sealEvery = sealEvery;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public int getBufferCapacity() {
            return bufferCapacity;
        }

        public void setBufferCapacity(int bufferCapacity) {
            this.bufferCapacity = bufferCapacity;
        }

        public Duration getKeyCacheTtl() {
            return keyCacheTtl;
        }

        public void setKeyCacheTtl(Duration keyCacheTtl) {
            this.keyCacheTtl = keyCacheTtl;
        }

        public boolean isIntegrate() {
            return integrate;
        }

        public void setIntegrate(boolean integrate) {
            this.integrate = integrate;
        }

        public List<Witness> getWitnesses() {
            return witnesses;
        }

        public void setWitnesses(List<Witness> witnesses) {
            this.witnesses = witnesses;
        }

        public int getWitnessQuorum() {
            return witnessQuorum;
        }

        public void setWitnessQuorum(int witnessQuorum) {
            this.witnessQuorum = witnessQuorum;
        }
    }

    /** {@code hoheit.audit.witnesses[n].*}: one witness. */
    public static class Witness {

        /** The witness's base URL (checkpoints go to URL/add-checkpoint). */
        private URI url;

        /** The witness's cosignature verifier key, name+key id+base64 key. */
        private String verifierKey;

        public URI getUrl() {
            return url;
        }

        public void setUrl(URI url) {
            this.url = url;
        }

        public String getVerifierKey() {
            return verifierKey;
        }

        public void setVerifierKey(String verifierKey) {
            this.verifierKey = verifierKey;
        }
    }

    /** {@code hoheit.retention.*}: the retention service. */
    public static class Retention {

        /** Whether to auto-configure a RetentionService (it needs an AuditLog). */
        private boolean enabled = true;

        /** How often the retention runner applies every policy on a thread of its own; unset, it never runs by itself. */
        private Duration schedule;

        /** Most records a store handles per purge call. */
        private int batchSize = 1000;

        /** Retention policies, one per category (RetentionPolicy beans of the application are added to them). */
        private List<Policy> policies = new ArrayList<>();

        /** The schema of the retention tables; unset, {@code hoheit.schema}. */
        private String schema;

        public String getSchema() {
            return schema;
        }

        public void setSchema(String schema) {
            this.schema = schema;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getSchedule() {
            return schedule;
        }

        public void setSchedule(Duration schedule) {
            this.schedule = schedule;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public List<Policy> getPolicies() {
            return policies;
        }

        public void setPolicies(List<Policy> policies) {
            this.policies = policies;
        }
    }

    /** {@code hoheit.retention.policies[n].*}: one retention policy. */
    public static class Policy {

        /** The data category, as the stores declare it (such as usage-log or client-data). */
        private String category;

        /** The retention period. */
        private Duration maxAge;

        /** What happens when it ends. */
        private RetentionAction action = RetentionAction.DELETE;

        /** Why this period, shown to auditors (such as "usage log kept 12 months"). */
        private String reason;

        public String getCategory() {
            return category;
        }

        public void setCategory(String category) {
            this.category = category;
        }

        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            this.maxAge = maxAge;
        }

        public RetentionAction getAction() {
            return action;
        }

        public void setAction(RetentionAction action) {
            this.action = action;
        }

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }

    /** {@code hoheit.health.*}: the health indicator. */
    public static class Health {

        /** How long a verification result is reused before the health check verifies again (verification reads the whole log). */
        private Duration verifyEvery = Duration.ofHours(1);

        /** Integration lag above which the health is DOWN. */
        private Duration maxIntegrationLag = Duration.ofMinutes(1);

        public Duration getVerifyEvery() {
            return verifyEvery;
        }

        public void setVerifyEvery(Duration verifyEvery) {
            this.verifyEvery = verifyEvery;
        }

        public Duration getMaxIntegrationLag() {
            return maxIntegrationLag;
        }

        public void setMaxIntegrationLag(Duration maxIntegrationLag) {
            this.maxIntegrationLag = maxIntegrationLag;
        }
    }
}
