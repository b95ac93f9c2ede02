package dev.hoheit.audit.verifier.witness;

import dev.hoheit.audit.tlog.CheckpointBody;
import dev.hoheit.audit.tlog.NoteSignature;
import java.util.Objects;

/**
 * What a witness answers to an {@code add-checkpoint} request (c2sp.org/tlog-witness).
 *
 * @since 0.2
 */
public sealed interface AddCheckpointResult {

    /**
     * The HTTP status the protocol gives this answer.
     *
     * @since 0.2
     */
    int httpStatus();

    /**
     * 200: the checkpoint extends the last one cosigned (or is the first), it is now the latest, and
     * here is the witness's cosignature.
     *
     * @param checkpoint the checkpoint that was cosigned
     * @param cosignature the witness's cosignature line
     * @since 0.2
     */
    record Cosigned(CheckpointBody checkpoint, NoteSignature cosignature) implements AddCheckpointResult {

        /**
         * Checks the fields.
         *
         * @since 0.2
         */
        public Cosigned {
            Objects.requireNonNull(checkpoint, "checkpoint");
            Objects.requireNonNull(cosignature, "cosignature");
        }

        @Override
        public int httpStatus() {
            return 200;
        }
    }

    /**
     * 409: the request's old size is not the size of the latest checkpoint the witness cosigned.
     *
     * @param latestSize the size of the latest cosigned checkpoint (0 if none)
     * @since 0.2
     */
    record Conflict(long latestSize) implements AddCheckpointResult {

        @Override
        public int httpStatus() {
            return 409;
        }
    }

    /**
     * The checkpoint was not cosigned.
     *
     * @param refusal why
     * @param message what exactly was wrong (no personal data: origins, sizes and key names only)
     * @since 0.2
     */
    record Refused(Refusal refusal, String message) implements AddCheckpointResult {

        /**
         * Checks the fields.
         *
         * @since 0.2
         */
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public int httpStatus() {
            return refusal.httpStatus();
        }
    }

    /**
     * Why a checkpoint was refused, with the HTTP status the protocol assigns.
     *
     * @since 0.2
     */
    enum Refusal {
        /** 400: the request or the note is malformed, or the old size is above the checkpoint's size. */
        MALFORMED(400),
        /** 403: no signature by a trusted key of the log, or a trusted key's signature fails to verify. */
        UNTRUSTED(403),
        /** 404: the witness does not witness this origin. */
        UNKNOWN_ORIGIN(404),
        /**
         * 422: the checkpoint is not consistent with the latest cosigned one: a bad consistency
         * proof, a different root at the same size (a fork), a proof where none belongs, or a wrong
         * root for the empty tree.
         */
        INCONSISTENT(422);

        private final int httpStatus;

        Refusal(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        /**
         * The HTTP status code.
         *
         * @since 0.2
         */
        public int httpStatus() {
            return httpStatus;
        }
    }
}
