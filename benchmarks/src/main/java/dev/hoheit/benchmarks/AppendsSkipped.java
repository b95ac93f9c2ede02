package dev.hoheit.benchmarks;

import dev.hoheit.audit.Appended;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.AuditPage;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.audit.AuditReceipt;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.ConsistencyProof;
import dev.hoheit.audit.InclusionProof;
import dev.hoheit.audit.PurgeResult;
import dev.hoheit.audit.SubjectAuditRecords;
import dev.hoheit.audit.VerificationReport;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The reference app's audit log with every append replaced by a no-op (everything else goes to the
 * real log): the baseline of {@link MentorViewBenchmark}, the same request without its audit event.
 */
final class AppendsSkipped implements AuditLog {

    private final AuditLog log;

    AppendsSkipped(AuditLog log) {
        this.log = log;
    }

    @Override
    public Appended append(AuditEvent event) {
        return new Appended(0, Instant.now());
    }

    @Override
    public CompletableFuture<Appended> appendBatched(AuditEvent event) {
        return CompletableFuture.completedFuture(append(event));
    }

    @Override
    public AuditReceipt appendIntegrated(AuditEvent event) {
        return log.appendIntegrated(event);
    }

    @Override
    public AuditReceipt awaitIntegrated(Appended appended, Duration timeout) {
        return log.awaitIntegrated(appended, timeout);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public Duration integrationLag() {
        return log.integrationLag();
    }

    @Override
    public boolean integrating() {
        return log.integrating();
    }

    @Override
    public Checkpoint seal() {
        return log.seal();
    }

    @Override
    public List<Checkpoint> checkpoints() {
        return log.checkpoints();
    }

    @Override
    public Optional<Checkpoint> latestCheckpoint() {
        return log.latestCheckpoint();
    }

    @Override
    public VerificationReport verify() {
        return log.verify();
    }

    @Override
    public VerificationReport verify(Collection<Checkpoint> trusted) {
        return log.verify(trusted);
    }

    @Override
    public InclusionProof prove(long seq) {
        return log.prove(seq);
    }

    @Override
    public ConsistencyProof proveConsistency(long oldSize, long newSize) {
        return log.proveConsistency(oldSize, newSize);
    }

    @Override
    public long treeSize() {
        return log.treeSize();
    }

    @Override
    public byte[] tile(int level, long index, int width) {
        return log.tile(level, index, width);
    }

    @Override
    public byte[] entryBundle(long index, int width) {
        return log.entryBundle(index, width);
    }

    @Override
    public AuditPage bySubject(String subjectId, AuditQuery query) {
        return log.bySubject(subjectId, query);
    }

    @Override
    public AuditPage bySubjectFromOthers(String subjectId, AuditQuery query) {
        return log.bySubjectFromOthers(subjectId, query);
    }

    @Override
    public AuditPage byActor(String actorId, AuditQuery query) {
        return log.byActor(actorId, query);
    }

    @Override
    public AuditPage search(AuditQuery query) {
        return log.search(query);
    }

    @Override
    public PurgeResult purgeBefore(Instant cutoff) {
        return log.purgeBefore(cutoff);
    }

    @Override
    public int anonymiseClientDataBefore(Instant cutoff) {
        return log.anonymiseClientDataBefore(cutoff);
    }

    @Override
    public Optional<Instant> oldestEvent() {
        return log.oldestEvent();
    }

    @Override
    public Optional<LocalDate> oldestReadableClientData() {
        return log.oldestReadableClientData();
    }

    @Override
    public SubjectAuditRecords countSubject(String subjectId) {
        return log.countSubject(subjectId);
    }

    @Override
    public SubjectAuditRecords exportSubject(String subjectId, OutputStream out) {
        return log.exportSubject(subjectId, out);
    }

    @Override
    public SubjectAuditRecords eraseSubject(String subjectId) {
        return log.eraseSubject(subjectId);
    }

    @Override
    public String publicKeyPem() {
        return log.publicKeyPem();
    }

    @Override
    public String verifierKey() {
        return log.verifierKey();
    }

    @Override
    public String origin() {
        return log.origin();
    }

    @Override
    public void close() {
        log.close();
    }
}
