package dev.hoheit.consent;

import java.util.Optional;

/**
 * Where a subject stands on one purpose: the status and the decision it derives from.
 *
 * @param purpose the purpose
 * @param status the derived status
 * @param decision the latest decision, if any
 * @param latestNoticeAccepted whether the status is granted under the latest effective notice version;
 *                             false means the subject must be asked again (re-consent)
 * @since 0.1
 */
public record ConsentState(Purpose purpose, ConsentStatus status, Optional<Decision> decision, boolean latestNoticeAccepted) {
}
