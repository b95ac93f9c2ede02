package dev.hoheit.audit.verifier.witness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hoheit.audit.tlog.AddCheckpointRequest;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Conflict;
import dev.hoheit.audit.verifier.witness.AddCheckpointResult.Cosigned;
import dev.hoheit.testkit.MutableClock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests for one log are checked and recorded one at a time (tlog-witness: no rollback race). */
class ConcurrencyTest {

    @TempDir
    Path state;

    @Test
    void of_racing_extensions_from_the_same_size_exactly_one_is_cosigned_and_the_rest_conflict() throws Exception {
        TestLog log = new TestLog("example.com/log");
        int racers = 8;
        log.growTo(10 + racers);
        try (Witness witness = Witnesses.open(Witnesses.newCosigner("w"), state, MutableClock.at("2026-03-01T00:00:00Z"), log)) {
            witness.addCheckpoint(log.request(0, 10));
            for (int round = 0; round < 5; round++) {
                long from = latestSize(witness);
                List<AddCheckpointRequest> requests = new ArrayList<>();
                for (int i = 1; i <= racers; i++) {
                    log.growTo(from + racers);
                    requests.add(log.request(from, from + i));
                }
                List<AddCheckpointResult> results = race(witness, requests);
                List<Long> cosigned = new ArrayList<>();
                for (AddCheckpointResult result : results) {
                    if (result instanceof Cosigned c) {
                        cosigned.add(c.checkpoint().size());
                    }
                }
                assertEquals(1, cosigned.size(), results.toString());
                long winner = cosigned.get(0);
                assertEquals(winner, latestSize(witness));
                for (AddCheckpointResult result : results) {
                    if (!(result instanceof Cosigned)) {
                        assertEquals(winner, ((Conflict) result).latestSize());
                    }
                }
            }
        }
    }

    private static List<AddCheckpointResult> race(Witness witness, List<AddCheckpointRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<AddCheckpointResult>> futures = new ArrayList<>();
            for (AddCheckpointRequest request : requests) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return witness.addCheckpoint(request);
                }));
            }
            start.countDown();
            List<AddCheckpointResult> results = new ArrayList<>();
            for (Future<AddCheckpointResult> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long latestSize(Witness witness) {
        return CheckpointBody.parse(witness.latestCheckpoint("example.com/log").orElseThrow().text()).size();
    }
}
