package dev.hoheit.benchmarks;

import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.ConsistencyProof;
import dev.hoheit.audit.InclusionProof;
import dev.hoheit.audit.tlog.Merkle;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TileMissingException;
import dev.hoheit.audit.tlog.TileReader;
import dev.hoheit.audit.tlog.TiledTree;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark 4: {@link AuditLog#prove} of random leaves of month M's N entries and
 * {@link AuditLog#proveConsistency} between random tree sizes, against a plain indexed SELECT of one
 * row of the baseline table, all three alternating call by call. Every proof is checked outside
 * the timing: inclusion proofs against the log's signed checkpoints, consistency proofs against roots
 * computed independently from the stored tiles. Lib-audit 0.1's {@code prove} of the same leaves is
 * timed too, for comparison.
 */
final class ProofBenchmark {

    static final String INCLUSION = "4a. Inclusion proof: prove(seq)";
    static final String CONSISTENCY = "4b. Consistency proof: proveConsistency(old, new)";
    static final int MAX_BYTES = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ProofBenchmark.class);
    /** lib-audit 0.1 reads every entry up to the checkpoint for a proof; it gets one call in this many. */
    private static final int CHAIN_EVERY = 5;

    private ProofBenchmark() {
    }

    static void run(BenchContext context, AuditLog log, PlainTable plain) throws SQLException, InterruptedException {
        BenchSettings settings = context.settings();
        DataSource dataSource = context.db().dataSource();
        int n = settings.events();
        long size = log.treeSize();
        List<NoteVerifier> logKeys = List.of(NoteVerifier.parse(log.verifierKey()));
        TiledTree reference = new TiledTree(new JdbcTiles(dataSource, true));
        SplittableRandom random = new SplittableRandom(44);
        Latencies inclusion = new Latencies();
        Latencies consistency = new Latencies();
        Latencies baseline = new Latencies();
        Latencies chain = new Latencies();
        Sizes inclusionBytes = new Sizes();
        Sizes consistencyBytes = new Sizes();
        Sizes chainBytes = new Sizes();
        long chainEquivalentBytes = 0;
        long[] leaves = new long[settings.proofs()];
        long[] checkpointSizes = new long[settings.proofs()];
        int total = settings.proofWarmup() + settings.proofs();
        TableCounters.Snapshot countersBefore = null;

        LOG.info("4. Proofs: {} warm-up + {} measured inclusion proofs (leaves 1..{}), consistency proofs (sizes up to {})"
                        + " and single-row SELECTs, alternating", settings.proofWarmup(), settings.proofs(),
                BenchSettings.count(n), BenchSettings.count(size));
        for (int c = 0; c < total; c++) {
            boolean measured = c >= settings.proofWarmup();
            if (c == settings.proofWarmup()) {
                countersBefore = TableCounters.settled(context.db());
            }
            long seq = 1 + random.nextLong(n);
            long oldSize = 1 + random.nextLong(size - 1);
            long newSize = oldSize + 1 + random.nextLong(size - oldSize);
            long plainSeq = 1 + random.nextLong(n);
            for (int pass = 0; pass < 3; pass++) {
                switch ((pass + c) % 3) {
                    case 0 -> {
                        long started = System.nanoTime();
                        int rows = PlainTable.one(dataSource, plain.name(), plainSeq);
                        long took = System.nanoTime() - started;
                        if (rows != 1) {
                            throw new BenchmarkException(plain.name() + " has no row " + plainSeq);
                        }
                        if (measured) {
                            baseline.add(took);
                        }
                    }
                    case 1 -> {
                        long started = System.nanoTime();
                        InclusionProof proof = log.prove(seq);
                        long took = System.nanoTime() - started;
                        if (!proof.verify(logKeys)) {
                            throw new BenchmarkException("the inclusion proof of " + seq + " does not verify: " + proof);
                        }
                        if (measured) {
                            inclusion.add(took);
                            inclusionBytes.add(proof.pathBytes());
                            leaves[c - settings.proofWarmup()] = proof.leafIndex();
                            checkpointSizes[c - settings.proofWarmup()] = proof.checkpoint().size();
                        }
                    }
                    default -> {
                        long started = System.nanoTime();
                        ConsistencyProof proof = log.proveConsistency(oldSize, newSize);
                        long took = System.nanoTime() - started;
                        if (!Merkle.verifyConsistency(oldSize, newSize, reference.root(oldSize), reference.root(newSize),
                                proof.hashes().stream().map(Base64.getDecoder()::decode).toList())) {
                            throw new BenchmarkException("the consistency proof " + oldSize + " -> " + newSize + " does not verify");
                        }
                        if (measured) {
                            consistency.add(took);
                            consistencyBytes.add(proof.proofBytes());
                            chainEquivalentBytes += (newSize - oldSize) * 32;
                        }
                    }
                }
            }
            if (context.chain() != null && c % CHAIN_EVERY == 0) {
                long started = System.nanoTime();
                ChainLibrary.Proof proof = context.chain().prove(seq);
                long took = System.nanoTime() - started;
                if (measured) {
                    chain.add(took);
                    chainBytes.add(proof.hashBytes());
                }
            }
        }
        TableCounters.Snapshot countersAfter = TableCounters.settled(context.db());
        Breakdown breakdown = breakdown(dataSource, leaves, checkpointSizes, Math.min(settings.proofs(), 1_000));

        Report report = context.report();
        String chainSize = chain.count() == 0 ? "-" : BenchSettings.count(chainBytes.max()) + " bytes (lib-audit 0.1)";
        report.row(new Report.Row(INCLUSION, "size of the hashes (pathBytes), max over " + BenchSettings.count(settings.proofs()),
                BenchSettings.count(inclusionBytes.max()) + " bytes", chainSize,
                chain.count() == 0 ? "-" : Report.ratio(inclusionBytes.max(), chainBytes.max(), false),
                "<= 1 KiB", Report.Verdict.of(inclusionBytes.max() <= MAX_BYTES)));
        latencyRows(report, INCLUSION, inclusion, baseline);
        double chainEquivalent = chainEquivalentBytes / (double) settings.proofs();
        report.row(new Report.Row(CONSISTENCY, "size of the hashes (proofBytes), max over " + BenchSettings.count(settings.proofs()),
                BenchSettings.count(consistencyBytes.max()) + " bytes",
                String.format(Locale.ROOT, "%,.0f bytes (computed: a chain's leaves between the sizes, mean)", chainEquivalent),
                Report.ratio(consistencyBytes.mean(), chainEquivalent, false) + " (of the means)",
                "<= 1 KiB", Report.Verdict.of(consistencyBytes.max() <= MAX_BYTES)));
        latencyRows(report, CONSISTENCY, consistency, baseline);

        report.detail(INCLUSION, String.format(Locale.ROOT, "log of %s entries (month M's %s, then benchmark 3's); %s random leaves"
                        + " among the first %s, after %s warm-up calls; each proof is in the tree of the first checkpoint at or after"
                        + " its entry (sealed every 1,000): pathBytes min %s, mean %.0f, max %s bytes, i.e. %d to %d hashes",
                BenchSettings.count(size), BenchSettings.count(n), BenchSettings.count(settings.proofs()), BenchSettings.count(n),
                BenchSettings.count(settings.proofWarmup()), BenchSettings.count(inclusionBytes.min()),
                inclusionBytes.mean(), BenchSettings.count(inclusionBytes.max()), inclusionBytes.min() / 32, inclusionBytes.max() / 32));
        report.detail(INCLUSION, "prove(seq): " + inclusion.summary() + "; it reads the entry, the checkpoint and the tiles the path"
                + " needs (full tiles from the library's cache), decrypts the entry and encodes the proof");
        report.detail(INCLUSION, "baseline, SELECT of every column of one row of " + plain.name() + " by seq (primary key), on a"
                + " pooled connection: " + baseline.summary() + " (the same calls serve both 4a and 4b)");
        report.detail(INCLUSION, "every proof verified outside the timing with InclusionProof.verify(the log's note verifier key):"
                + " leaf hash, audit path to the checkpoint's root, Ed25519 signature");
        report.detail(INCLUSION, String.format(Locale.ROOT, "breakdown: the same paths computed by the public TiledTree over plain"
                        + " JDBC tile reads without a cache (%d leaves of the above): %s; %.1f tile SELECTs per proof",
                breakdown.calls(), breakdown.latencies().summary(), breakdown.tileReads() / (double) breakdown.calls()));
        if (chain.count() > 0) {
            report.detail(INCLUSION, String.format(Locale.ROOT, "lib-audit 0.1's prove(seq) of the same leaves (one call in %d):"
                            + " %s; its proof is the chain hash before the entry plus the leaf hash of every later entry up to its"
                            + " checkpoint: min %s, mean %.0f, max %s bytes", CHAIN_EVERY, chain.summary(),
                    BenchSettings.count(chainBytes.min()), chainBytes.mean(), BenchSettings.count(chainBytes.max())));
        }
        report.detail(CONSISTENCY, String.format(Locale.ROOT, "%s random pairs 1 <= old < new <= %s (any size, not only checkpoint"
                        + " sizes), after %s warm-up calls: proofBytes min %s, mean %.0f, max %s (%d to %d hashes)",
                BenchSettings.count(settings.proofs()), BenchSettings.count(size), BenchSettings.count(settings.proofWarmup()),
                BenchSettings.count(consistencyBytes.min()), consistencyBytes.mean(), BenchSettings.count(consistencyBytes.max()),
                consistencyBytes.min() / 32, consistencyBytes.max() / 32));
        report.detail(CONSISTENCY, "proveConsistency(old, new): " + consistency.summary() + "; baseline as in 4a: " + baseline.summary());
        report.detail(CONSISTENCY, "every proof verified outside the timing with Merkle.verifyConsistency against both trees' roots,"
                + " computed by TiledTree from the stored tiles read over plain JDBC; lib-audit 0.1 had no consistency proof (a"
                + " verifier of the chain needed every leaf hash between the two sizes, the size baseline above)");
        report.detail(CONSISTENCY, TableCounters.describe(countersBefore, countersAfter, settings.proofs(),
                "per measured round of one inclusion proof, one consistency proof and one baseline SELECT (the baseline touches no"
                        + " audit_ table" + (chain.count() > 0 ? "; lib-audit 0.1 works in its own schema" : "") + ")"));
        LOG.info("   prove {} ({} bytes max); proveConsistency {} ({} bytes max); baseline {}", inclusion.summary(),
                inclusionBytes.max(), consistency.summary(), consistencyBytes.max(), baseline.summary());
    }

    private static void latencyRows(Report report, String name, Latencies audit, Latencies baseline) {
        report.row(new Report.Row(name, "p50 per call", Latencies.ms(audit.millis(50)) + " ms", Latencies.ms(baseline.millis(50)) + " ms",
                Report.ratio(audit.millis(50), baseline.millis(50), false), "-", Report.Verdict.NONE));
        report.row(new Report.Row(name, "p99 per call", Latencies.ms(audit.millis(99)) + " ms", Latencies.ms(baseline.millis(99)) + " ms",
                Report.ratio(audit.millis(99), baseline.millis(99), false), "p99 < 5 ms", Report.Verdict.of(audit.millis(99) < 5)));
    }

    private record Breakdown(int calls, Latencies latencies, long tileReads) {
    }

    /** Inclusion paths of the first {@code calls} measured leaves, computed by TiledTree over uncached JDBC tile reads. */
    private static Breakdown breakdown(DataSource dataSource, long[] leaves, long[] sizes, int calls) {
        JdbcTiles tiles = new JdbcTiles(dataSource, false);
        TiledTree tree = new TiledTree(tiles);
        Latencies latencies = new Latencies();
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            tree.inclusionProof(leaves[i], sizes[i]);
            latencies.add(System.nanoTime() - started);
        }
        return new Breakdown(calls, latencies, tiles.reads.sum());
    }

    /** Proof sizes in bytes. */
    private static final class Sizes {
        private long sum;
        private int count;
        private int min = Integer.MAX_VALUE;
        private int max;

        void add(int bytes) {
            sum += bytes;
            count++;
            min = Math.min(min, bytes);
            max = Math.max(max, bytes);
        }

        int min() {
            return count == 0 ? 0 : min;
        }

        int max() {
            return max;
        }

        double mean() {
            return count == 0 ? 0 : sum / (double) count;
        }
    }

    /**
     * Tiles read from {@code audit_tile} with plain JDBC, one connection from the pool per read;
     * {@code cache} keeps every row read (nothing is appended while this benchmark runs).
     */
    private static final class JdbcTiles implements TileReader {
        private final DataSource dataSource;
        private final Map<Long, byte[]> rows;
        final LongAdder reads = new LongAdder();

        JdbcTiles(DataSource dataSource, boolean cache) {
            this.dataSource = dataSource;
            this.rows = cache ? new HashMap<>() : null;
        }

        @Override
        public byte[] read(int level, long index, int width) {
            long key = index * 8 + level;
            byte[] hashes = rows == null ? null : rows.get(key);
            if (hashes == null) {
                hashes = select(level, index);
                if (rows != null && hashes != null) {
                    rows.put(key, hashes);
                }
            }
            if (hashes == null || hashes.length < width * 32) {
                throw new TileMissingException(level, index);
            }
            return Arrays.copyOf(hashes, width * 32);
        }

        private byte[] select(int level, long index) {
            reads.increment();
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement select = connection.prepareStatement(
                         "SELECT tile_width, hashes FROM audit_tile WHERE tile_level = ? AND tile_index = ?")) {
                select.setInt(1, level);
                select.setLong(2, index);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return null;
                    }
                    byte[] hashes = row.getBytes(2);
                    return Arrays.copyOf(hashes, Math.min(hashes.length, row.getInt(1) * 32));
                }
            } catch (SQLException e) {
                throw new BenchmarkException("cannot read tile " + level + "/" + index + " (SQLSTATE " + e.getSQLState() + ")", e);
            }
        }
    }
}
