package dev.hoheit.samples.registration;

import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.NoticeRef;
import dev.hoheit.consent.Purpose;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** The terms every user accepts when registering: defined and published at start (publishing the same text again is a no-op). */
@Component
public class Terms implements ApplicationRunner {

    static final String PURPOSE = "terms";
    static final String LANGUAGE = "en";

    private final ConsentService consent;

    public Terms(ConsentService consent) {
        this.consent = consent;
    }

    @Override
    public void run(ApplicationArguments args) {
        consent.definePurpose(Purpose.required(PURPOSE, "Terms of use").forRoles("user"));
        consent.publishNotice(NoticeDraft.ofText(PURPOSE, LANGUAGE, "You accept the terms of use of the sample."));
    }

    /** The notice a registration accepts: the latest terms. */
    public NoticeRef current() {
        return consent.latestNotice(PURPOSE, LANGUAGE).orElseThrow().ref();
    }
}
