package dev.hoheit.mentoring.supervision;

import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.retention.spi.DataCategory;
import dev.hoheit.retention.spi.ExportSink;
import dev.hoheit.retention.spi.PersonalDataStore;
import dev.hoheit.retention.spi.PurgeBatch;
import dev.hoheit.retention.spi.RetentionAction;
import dev.hoheit.retention.spi.StoreDescriptor;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Supervision cases as a store of personal data: in the export of everyone who takes part (the mentee
 * gets each case about her in full, as the supervisor saw it; the mentor and the supervisor the cases
 * they took part in), erased with any of them, and deleted by retention 12 months after closing.
 */
public final class SupervisionStore implements PersonalDataStore {

    private static final StoreDescriptor DESCRIPTOR = new StoreDescriptor("supervision-cases",
            "Supervision cases about your planning (pseudonymised), or that you opened or answered.",
            List.of(new DataCategory(SupervisionService.CATEGORY, "pseudonymised supervision cases and their exchange",
                    List.of("label", "mentor", "supervisor", "opened", "closed", "pseudonymised planning", "question", "notes", "messages"), true)),
            List.of("app_supervision_case", "app_supervision_message"));

    private final SupervisionService service;
    private final AccountService accounts;

    public SupervisionStore(SupervisionService service, AccountService accounts) {
        this.service = service;
        this.accounts = accounts;
    }

    @Override
    public StoreDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public long count(String subjectId) {
        return service.count(subjectId);
    }

    @Override
    public long export(String subjectId, ExportSink sink) {
        long written = 0;
        for (SupervisionService.Case summary : service.participating(subjectId)) {
            SupervisionService.Content content = service.content(summary);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("case", summary.label());
            record.put("participation", summary.menteeId().equals(subjectId) ? "about-you"
                    : summary.mentorId().equals(subjectId) ? "opened-as-mentor" : "answered-as-supervisor");
            record.put("mentor", nickname(summary.mentorId()));
            record.put("supervisor", nickname(summary.supervisorId()));
            record.put("status", summary.status().name().toLowerCase(Locale.ROOT));
            record.put("openedAt", summary.openedAt());
            record.put("closedAt", summary.closedAt().orElse(null));
            record.put("closeReason", summary.closeReason().map(SupervisionService.CloseReason::id).orElse(null));
            record.put("pseudonymisedPlanning", content.snapshot().orElse(null));
            record.put("question", content.question());
            record.put("notes", content.notes().orElse(null));
            record.put("messages", content.messages().stream().map(m -> Map.of("from", m.author().name().toLowerCase(Locale.ROOT),
                    "writtenAt", m.writtenAt(), "text", m.text())).toList());
            sink.record(record);
            written++;
        }
        return written;
    }

    @Override
    public long erase(String subjectId) {
        return service.erase(subjectId);
    }

    @Override
    public PurgeBatch purge(String category, Instant cutoff, RetentionAction action, Set<String> heldSubjects, int limit) {
        if (!SupervisionService.CATEGORY.equals(category)) {
            return PurgeBatch.none();
        }
        if (action != RetentionAction.DELETE) {
            throw new UnsupportedOperationException("supervision cases are deleted when their time is up, never " + action);
        }
        int deleted = service.purgeClosedBefore(cutoff, heldSubjects, limit);
        return new PurgeBatch(deleted, deleted == limit);
    }

    @Override
    public Optional<Instant> oldest(String category, Set<String> heldSubjects) {
        return SupervisionService.CATEGORY.equals(category) ? service.oldestClosed(heldSubjects) : Optional.empty();
    }

    private String nickname(String accountId) {
        return accounts.find(accountId).map(account -> account.nickname()).orElse("(deleted account)");
    }
}
