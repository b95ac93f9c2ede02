package dev.hoheit.mentoring.account;

import dev.hoheit.consent.ConsentService;
import dev.hoheit.consent.LegalBasis;
import dev.hoheit.consent.Notice;
import dev.hoheit.consent.NoticeDraft;
import dev.hoheit.consent.Purpose;
import java.util.List;
import java.util.Map;

/**
 * The purposes Smoffen asks about and the first version of their notices, in German and English.
 * Mentor terms differ from mentee terms (R27); every notice says how to withdraw.
 */
public final class ConsentCatalog {

    /** Privacy policy, asked of everyone. */
    public static final String PRIVACY = "privacy-policy";
    /** Terms of use for mentees. */
    public static final String TERMS_MENTEE = "terms-mentee";
    /** Terms of use for mentors. */
    public static final String TERMS_MENTOR = "terms-mentor";
    /** Terms for supervisors (R26, R27). */
    public static final String TERMS_SUPERVISOR = "terms-supervisor";
    /** Terms of use for employers and auditors. */
    public static final String TERMS_STAFF = "terms-organisation";
    /** Optional: anonymised research use (R20). */
    public static final String RESEARCH = "research-anonymised";
    /** Optional: news about Smoffen by notification (R21; service messages are separate). */
    public static final String NEWS = "product-news";

    private static final String WITHDRAW_DE = " Sie können Ihre Einwilligung jederzeit in Ihrer Konsole unter „Meine Einwilligungen“ widerrufen.";
    private static final String WITHDRAW_EN = " You can withdraw your consent at any time in your console under \"My consents\".";

    private record Entry(Purpose purpose, String german, String english) {
    }

    private static final List<Entry> ENTRIES = List.of(
            new Entry(Purpose.required(PRIVACY, "Datenschutzerklärung / Privacy policy")
                    .withDescription("How Smoffen processes your data: only what you submit, nothing shared without your grant.")
                    .withDataCategories(List.of("account", "planning data", "usage log")),
                    "Wir speichern nur, was Sie selbst eingeben. Ohne Ihre Freigabe sieht niemand Ihre Daten. Jeder Zugriff "
                            + "auf Ihre Daten wird protokolliert und Ihnen angezeigt; das Protokoll wird nach 12 Monaten gelöscht, "
                            + "IP-Adressen nach 7 Tagen." + WITHDRAW_DE + " Der Widerruf dieser Einwilligung löscht Ihr Konto.",
                    "We store only what you enter yourself. Nobody sees your data without your grant. Every access to your "
                            + "data is logged and shown to you; the log is deleted after 12 months, IP addresses after 7 days."
                            + WITHDRAW_EN + " Withdrawing this consent deletes your account."),
            new Entry(Purpose.required(TERMS_MENTEE, "Nutzungsbedingungen für Mentees / Terms for mentees").forRoles("mentee")
                    .withDataCategories(List.of("account", "Smoff-Time", "plans", "pictures")),
                    "Sie entscheiden, wen Sie als Mentor annehmen, und können jeden Mentor jederzeit abberufen." + WITHDRAW_DE,
                    "You decide whom you accept as mentor and can revoke any mentor at any time." + WITHDRAW_EN),
            new Entry(Purpose.required(TERMS_MENTOR, "Nutzungsbedingungen für Mentoren / Terms for mentors").forRoles("mentor")
                    .withDataCategories(List.of("account", "mentee data shared with you")),
                    "Sie sehen nur, was Ihre Mentees Ihnen freigeben. Jeder Zugriff wird protokolliert und dem Mentee angezeigt."
                            + " Missbrauch beendet Ihr Mentorenkonto." + WITHDRAW_DE,
                    "You see only what your mentees grant you. Every access is logged and shown to the mentee. Misuse ends "
                            + "your mentor account." + WITHDRAW_EN),
            new Entry(Purpose.required(TERMS_SUPERVISOR, "Bedingungen für Supervisoren / Terms for supervisors").forRoles("supervisor")
                    .withDataCategories(List.of("account", "pseudonymised supervision cases")),
                    "Sie sehen nur pseudonymisierte Fälle, die Mentoren Ihnen vorlegen: keine Namen, keine Daten, keine Texte der"
                            + " Mentees. Versuchen Sie nie, eine Person zu erkennen, und nennen Sie in Ihren Antworten niemanden. Jedes"
                            + " Lesen eines Falls wird protokolliert und der betroffenen Person angezeigt; sie kann widersprechen, dann"
                            + " endet der Fall." + WITHDRAW_DE,
                    "You see only pseudonymised cases that mentors bring to you: no names, no dates, no texts of the mentees."
                            + " Never try to recognise a person, and name no one in your answers. Every read of a case is logged and"
                            + " shown to the person concerned; she can object, which ends the case." + WITHDRAW_EN),
            new Entry(Purpose.required(TERMS_STAFF, "Bedingungen für Arbeitgeber und Prüfer / Terms for employers and auditors")
                    .forRoles("employer", "auditor", "operator"),
                    "Arbeitgeber sehen nur Professionalitätsbewertungen, nie Einträge, Pläne oder Bilder. Prüfer sehen nur "
                            + "Prüfberichte." + WITHDRAW_DE,
                    "Employers see professionalism assessments only, never entries, plans or pictures. Auditors see "
                            + "verification reports only." + WITHDRAW_EN),
            new Entry(Purpose.optional(RESEARCH, "Forschung mit anonymisierten Daten / Research with anonymised data")
                    .forRoles("mentee"),
                    "Vollständig anonymisierte Auswertungen Ihrer Planungszeiten dürfen für Forschung genutzt werden." + WITHDRAW_DE,
                    "Fully anonymised statistics of your planning times may be used for research." + WITHDRAW_EN),
            new Entry(Purpose.optional(NEWS, "Neuigkeiten zu Smoffen / News about Smoffen")
                    .withLegalBasis(LegalBasis.CONSENT),
                    "Wir informieren Sie über Neuigkeiten. Dienstmitteilungen erhalten Sie unabhängig davon." + WITHDRAW_DE,
                    "We tell you about news. Service messages reach you regardless." + WITHDRAW_EN));

    private ConsentCatalog() {
    }

    /** Defines every purpose and publishes the first notices, unless already there. */
    public static void install(ConsentService consent) {
        for (Entry entry : ENTRIES) {
            consent.definePurpose(entry.purpose());
            if (consent.notices(entry.purpose().id()).isEmpty()) {
                consent.publishNotice(NoticeDraft.ofText(entry.purpose().id(), "de", entry.german()));
                consent.publishTranslation(1, NoticeDraft.ofText(entry.purpose().id(), "en", entry.english()));
            }
        }
    }

    /** The notice language for a requested one: English when asked for, German otherwise. */
    public static String language(String requested) {
        return "en".equals(requested) ? "en" : "de";
    }

    /**
     * A purpose's title in one language: the titles are kept as "German / English"; the part of {@code language}
     * (German unless "en"), or the whole title when it has only one.
     */
    public static String title(dev.hoheit.consent.Purpose purpose, String language) {
        String[] parts = purpose.title().split(" / ", 2);
        return parts.length < 2 ? purpose.title() : "en".equals(language(language)) ? parts[1] : parts[0];
    }

    /** The latest notice of a purpose in {@code language}, or the German one where there is no translation. */
    public static Notice latestNotice(ConsentService consent, String purposeId, String language) {
        return consent.latestNotice(purposeId, language)
                .or(() -> consent.latestNotice(purposeId, "de"))
                .orElseThrow(() -> new IllegalStateException("no notice for " + purposeId));
    }

    /** Purpose ids by whether an account depends on them, for documentation. */
    public static Map<String, Boolean> required() {
        return Map.of(PRIVACY, true, TERMS_MENTEE, true, TERMS_MENTOR, true, TERMS_SUPERVISOR, true, TERMS_STAFF, true, RESEARCH, false,
                NEWS, false);
    }
}
