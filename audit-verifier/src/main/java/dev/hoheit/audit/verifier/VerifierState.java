package dev.hoheit.audit.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.audit.Checkpoint;
import dev.hoheit.audit.internal.LogVerifier.TimeMark;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the auditor's verifier remembers between runs, in its own directory (never in the log's
 * database): the newest checkpoint it verified, and when entries were recorded (one mark per 256).
 * With it a later run detects a database restored from an older backup (a smaller tree), a fork
 * (another tree of a size it saw) and purges that removed entries younger than their cutoff.
 *
 * @param origin the log this state belongs to
 * @param checkpoint the newest checkpoint that verified
 * @param marks recording times of entries seen
 * @param verifiedAt when that run finished
 */
public record VerifierState(String origin, Checkpoint checkpoint, List<TimeMark> marks, Instant verifiedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "hoheit-audit-verifier-state/1";
    private static final String FILE = "verifier-state.json";

    /** Copies the marks. */
    public VerifierState {
        marks = List.copyOf(marks);
    }

    /** The state saved in {@code directory} for {@code origin}, if any. */
    public static Optional<VerifierState> load(Path directory, String origin) throws IOException {
        Path file = directory.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode node = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (node == null || !FORMAT.equals(node.path("format").asText())) {
            throw new IOException(file + " is not a verifier state (" + FORMAT + ")");
        }
        if (!origin.equals(node.path("origin").asText())) {
            throw new IOException(file + " belongs to the log '" + node.path("origin").asText() + "', not '" + origin
                    + "': use one state directory per log");
        }
        List<TimeMark> marks = new ArrayList<>();
        for (JsonNode mark : node.path("marks")) {
            marks.add(new TimeMark(mark.get(0).asLong(), Instant.parse(mark.get(1).asText())));
        }
        return Optional.of(new VerifierState(origin, Checkpoint.fromJson(node.path("checkpoint").asText()), marks,
                Instant.parse(node.path("verifiedAt").asText())));
    }

    /** Saves this state in {@code directory}, whole or not at all. */
    public void save(Path directory) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("format", FORMAT);
        node.put("origin", origin);
        node.put("checkpoint", checkpoint.toJson());
        node.put("verifiedAt", verifiedAt.toString());
        ArrayNode list = node.putArray("marks");
        for (TimeMark mark : marks) {
            list.addArray().add(mark.seq()).add(mark.recordedAt().toString());
        }
        Files.createDirectories(directory);
        Path temporary = directory.resolve(FILE + ".tmp");
        Files.writeString(temporary, node.toString() + "\n", StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temporary, directory.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
