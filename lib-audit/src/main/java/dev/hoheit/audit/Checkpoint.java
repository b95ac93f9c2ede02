package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

import dev.hoheit.audit.internal.CheckpointJson;
import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.CosignatureVerifier;
import dev.hoheit.audit.tlog.Note;
import dev.hoheit.audit.tlog.NoteSignature;
import dev.hoheit.audit.tlog.NoteVerifier;
import dev.hoheit.audit.tlog.TlogException;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A signed tree head: "the log had {@code size} entries and its Merkle tree root was
 * {@code rootHash}", as a C2SP tlog-checkpoint in a signed note ({@link #note()}), signed by the
 * log's Ed25519 key and cosigned by the witnesses that checked it extends what they saw before.
 *
 * <p>Export checkpoints ({@link #toJson()}, or the note alone) and keep them outside the database:
 * a later verification against them detects any rewrite, truncation or rollback since.
 *
 * @param origin the log's name, the checkpoint's first line
 * @param size how many entries the tree had
 * @param rootHash the RFC 6962 root hash of those entries, base64
 * @param note the signed note: the checkpoint text, the log's signature line and any cosignature lines
 * @param headTime when the newest of those entries was recorded (as stored beside the note; not signed)
 * @param sealedAt when the log signed it (as stored beside the note; not signed)
 * @since 0.1
 */
public record Checkpoint(String origin, long size, String rootHash, String note, Instant headTime, Instant sealedAt) {

    /** Validates that the note is a checkpoint of exactly this origin, size and root. */
    public Checkpoint {
        CHECKS.required("origin", origin);
        if (size < 0) {
            throw CHECKS.invalid("checkpoint size must not be negative");
        }
        CHECKS.required("root hash", rootHash);
        CHECKS.required("note", note);
        CHECKS.required("head time", headTime);
        CHECKS.required("sealed at", sealedAt);
        CheckpointBody body;
        try {
            body = CheckpointBody.parse(Note.parse(note).text());
        } catch (TlogException e) {
            throw CHECKS.invalid("checkpoint note is not a signed C2SP checkpoint: " + e.getMessage());
        }
        if (!body.origin().equals(origin) || body.size() != size
                || !Base64.getEncoder().encodeToString(body.rootHash()).equals(rootHash)) {
            throw CHECKS.invalid("checkpoint note says " + body.origin() + " / " + body.size()
                    + " but the checkpoint claims " + origin + " / " + size + " (or another root)");
        }
    }

    /** The root hash, decoded. */
    public byte[] rootHashBytes() {
        return Base64.getDecoder().decode(rootHash);
    }

    /** The checkpoint text (origin, size, root), the part every signature covers. */
    public String text() {
        return Note.parse(note).text();
    }

    /** Whether a key in {@code logKeys} (keys you got from the controller, not from this checkpoint) signed it. */
    public boolean signedBy(Collection<NoteVerifier> logKeys) {
        try {
            return !Note.parse(note).verifiedBy(logKeys).isEmpty();
        } catch (TlogException e) {
            return false; // a signature by a trusted key that does not verify: the note was altered
        }
    }

    /**
     * The witnesses in {@code witnessKeys} whose cosignature on this checkpoint verifies, each with
     * the time it cosigned (seconds since the epoch), by witness name.
     */
    public Map<String, Instant> cosignedBy(Collection<CosignatureVerifier> witnessKeys) {
        Note parsed = Note.parse(note);
        String text = parsed.text();
        Map<String, Instant> cosigned = new LinkedHashMap<>();
        for (NoteSignature signature : parsed.signatures()) {
            for (CosignatureVerifier witness : witnessKeys) {
                if (witness.name().equals(signature.keyName()) && witness.keyId() == signature.keyId()) {
                    OptionalLong at = witness.verify(text, signature);
                    if (at.isPresent()) {
                        cosigned.putIfAbsent(witness.name(), Instant.ofEpochSecond(at.getAsLong()));
                    }
                }
            }
        }
        return cosigned;
    }

    /** One line of JSON ({@code hoheit-audit-checkpoint/2}), for publishing outside the database. */
    public String toJson() {
        return CheckpointJson.write(this);
    }

    /**
     * Parses one line written by {@link #toJson()}.
     *
     * @throws AuditException ({@link AuditException.Problem#INVALID_ARGUMENT}) if it is not a checkpoint
     */
    public static Checkpoint fromJson(String json) {
        return CheckpointJson.read(json);
    }
}
