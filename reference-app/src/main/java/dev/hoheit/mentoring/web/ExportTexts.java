package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.retention.ExportOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The words of the export's readable page in the person's language (German by default, English):
 * Smoffen's stores and fields as the console names them, and nicknames instead of account ids.
 */
final class ExportTexts {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static final Map<String, String> GERMAN = Map.ofEntries(
            Map.entry("store.supervision-cases", "Supervision"),
            Map.entry("store.supervision-cases.description", "Supervisionsfälle über Ihre Planung (pseudonymisiert), oder die Sie als Mentor eröffnet oder als Supervisor beantwortet haben."),
            Map.entry("field.case", "Fall"),
            Map.entry("field.participation", "Ihre Beteiligung"), Map.entry("value.participation.about-you", "über Sie"),
            Map.entry("value.participation.opened-as-mentor", "von Ihnen als Mentor eröffnet"),
            Map.entry("value.participation.answered-as-supervisor", "Ihnen als Supervisor vorgelegt"),
            Map.entry("field.supervisor", "Supervisor"),
            Map.entry("field.openedAt", "eröffnet"),
            Map.entry("field.closedAt", "geschlossen"),
            Map.entry("field.closeReason", "Grund des Schließens"),
            Map.entry("field.pseudonymisedPlanning", "Planung (pseudonymisiert)"),
            Map.entry("field.question", "Frage"),
            Map.entry("field.notes", "Notizen"),
            Map.entry("field.messages", "Austausch"),
            Map.entry("field.writtenAt", "geschrieben"),
            Map.entry("store.accounts", "Ihr Konto"),
            Map.entry("store.accounts.description", "Spitzname, Rollen, Ihre E-Mail-Adresse (falls angegeben), Ihre Anmeldesitzungen und Ihre Wiederherstellungscodes (nur deren Prüfsummen)."),
            Map.entry("store.smoff-time", "Smoff-Time"),
            Map.entry("store.smoff-time.description", "Ihre Planungszeiten: Art, Datum, Minuten und Ihre Notizen."),
            Map.entry("store.plans", "Pläne"), Map.entry("store.plans.description", "Ihre Tages-, Wochen- und Jahrespläne."),
            Map.entry("store.pictures", "Bilder"), Map.entry("store.pictures.description", "Ihre Fotos von Planungsbögen, ohne Zusatzangaben gespeichert."),
            Map.entry("store.employments", "Arbeitgeber"),
            Map.entry("store.employments.description", "Mit welchem Arbeitgeber Sie verknüpft sind (dieser sieht nur Bewertungen)."),
            Map.entry("store.courses", "Kurse"), Map.entry("store.courses.description", "Die Kurse, an denen Sie teilnehmen."),
            Map.entry("store.messages", "Nachrichten"),
            Map.entry("store.messages.description", "Nachrichten zwischen Ihnen und Ihren Mentoren oder Mentees."),
            Map.entry("store.consent", "Einwilligungen und Freigaben"),
            Map.entry("store.consent.description", "Ihre Einwilligungen und Ablehnungen (welcher Hinweis, wann, wie) und die Zugriffe, die Sie anderen gegeben haben oder andere Ihnen."),
            Map.entry("store.audit", "Protokoll"),
            Map.entry("store.audit.description", "Was Sie in Smoffen getan haben und wer Ihre Daten angesehen hat."),
            Map.entry("store.retention", "Einschränkungen"),
            Map.entry("store.retention.description", "Ob die Verarbeitung Ihrer Daten eingeschränkt ist, und rechtliche Aufbewahrungspflichten, die Sie betreffen."),
            Map.entry("store.privacy-requests", "Anfragen zum Datenschutz"),
            Map.entry("store.privacy-requests.description", "Ihre Anfragen zum Datenschutz und die Antworten des Betreibers."),
            Map.entry("store.notifications", "Benachrichtigungen"),
            Map.entry("store.notifications.description", "Die Benachrichtigungen an Sie und Ihre Einstellungen dazu."),
            Map.entry("field.account", "Konto"), Map.entry("field.session", "Anmeldesitzungen"),
            Map.entry("field.recovery-code", "Wiederherstellungscodes"), Map.entry("field.reset-code", "Codes zum Zurücksetzen"),
            Map.entry("field.decisions", "Entscheidungen"), Map.entry("field.grantsOverMyData", "Zugriffe auf Ihre Daten"),
            Map.entry("field.grantsToMe", "Zugriffe, die Ihnen gegeben wurden"),
            Map.entry("field.type", "Art"), Map.entry("field.id", "Kennung"), Map.entry("field.nickname", "Spitzname"),
            Map.entry("field.roles", "Rollen"), Map.entry("field.email", "E-Mail"), Map.entry("field.createdAt", "Angelegt"),
            Map.entry("field.welcomeSeenAt", "Erklärung gelesen"), Map.entry("field.lastSeenAt", "Zuletzt genutzt"),
            Map.entry("field.expiresAt", "Läuft ab"), Map.entry("field.userAgent", "Browser"), Map.entry("field.usedAt", "Benutzt"),
            Map.entry("field.kind", "Art"), Map.entry("field.date", "Datum"), Map.entry("field.minutes", "Minuten"),
            Map.entry("field.note", "Notiz"), Map.entry("field.period", "Zeitraum"), Map.entry("field.text", "Text"),
            Map.entry("field.updatedAt", "Geändert"), Map.entry("field.file", "Datei"), Map.entry("field.width", "Breite (Pixel)"),
            Map.entry("field.height", "Höhe (Pixel)"), Map.entry("field.uploadedAt", "Hochgeladen"), Map.entry("field.at", "Zeitpunkt"),
            Map.entry("field.from", "Von"), Map.entry("field.to", "An"), Map.entry("field.read", "Gelesen"),
            Map.entry("field.mentor", "Mentor"), Map.entry("field.mentee", "Mentee"), Map.entry("field.employer", "Arbeitgeber"),
            Map.entry("field.name", "Name"), Map.entry("field.subjectId", "Person"), Map.entry("field.purpose", "Zweck"),
            Map.entry("field.purposeId", "Zweck"), Map.entry("field.choice", "Entscheidung"), Map.entry("field.method", "Weg"),
            Map.entry("field.decidedAt", "Entschieden"), Map.entry("field.subjectRole", "Ihre Rolle"),
            Map.entry("field.notice.purposeId", "Hinweis: Zweck"), Map.entry("field.notice.version", "Hinweis: Fassung"),
            Map.entry("field.notice.language", "Hinweis: Sprache"), Map.entry("field.evidence.channel", "Kanal"),
            Map.entry("field.evidence.userAgent", "Browser"), Map.entry("field.sequence", "Nr."),
            Map.entry("field.granteeId", "Empfänger"), Map.entry("field.granteeRole", "Umfang"), Map.entry("field.status", "Stand"),
            Map.entry("field.origin", "Herkunft"), Map.entry("field.scopes", "Bereiche"), Map.entry("field.events", "Verlauf"),
            Map.entry("field.statusSince", "Stand seit"), Map.entry("field.grantedAt", "Gegeben"), Map.entry("field.asActor", "Was Sie getan haben"),
            Map.entry("field.asSubject", "Was andere mit Ihren Daten getan haben"), Map.entry("field.action", "Aktion"),
            Map.entry("field.outcome", "Ergebnis"), Map.entry("field.recordedAt", "Aufgezeichnet"), Map.entry("field.actorId", "Wer"),
            Map.entry("field.actorRole", "Rolle"), Map.entry("field.resourceType", "Was"), Map.entry("field.resourceId", "Welches"),
            Map.entry("field.occurredAt", "Zeitpunkt"), Map.entry("field.reason", "Grund"),
            Map.entry("value.kind.day", "Tag"), Map.entry("value.kind.week", "Woche"), Map.entry("value.kind.quarter", "Quartal"),
            Map.entry("value.kind.year", "Jahr"), Map.entry("value.choice.GRANTED", "eingewilligt"),
            Map.entry("value.choice.REFUSED", "abgelehnt"), Map.entry("value.choice.WITHDRAWN", "widerrufen"),
            Map.entry("value.outcome.ALLOWED", "erlaubt"), Map.entry("value.outcome.DENIED", "abgewiesen"),
            Map.entry("value.action.VIEW", "angesehen"), Map.entry("value.action.CREATE", "angelegt"),
            Map.entry("value.action.UPDATE", "geändert"), Map.entry("value.action.DELETE", "gelöscht"),
            Map.entry("value.action.LOGIN", "angemeldet"), Map.entry("value.action.LOGOUT", "abgemeldet"),
            Map.entry("value.action.LOGIN_FAILED", "Anmeldung fehlgeschlagen"), Map.entry("value.action.EXPORT", "exportiert"),
            Map.entry("value.action.GRANT", "erteilt"), Map.entry("value.action.REVOKE", "widerrufen"),
            Map.entry("value.action.RESTRICT", "eingeschränkt"), Map.entry("value.status.ACTIVE", "aktiv"),
            Map.entry("value.status.PENDING", "wartet auf Zustimmung"), Map.entry("value.status.REVOKED", "abberufen"),
            Map.entry("value.status.DECLINED", "abgelehnt"), Map.entry("value.status.EXPIRED", "abgelaufen"),
            Map.entry("field.seq", "Nr."), Map.entry("field.channel", "Kanal"), Map.entry("field.client.ipAddress", "IP-Adresse"),
            Map.entry("field.client.userAgent", "Browser"), Map.entry("field.decisionId", "Entscheidung (Kennung)"),
            Map.entry("field.leafHash", "Prüfsumme im Protokoll"), Map.entry("field.noticeLanguage", "Hinweis: Sprache"),
            Map.entry("field.noticeVersion", "Hinweis: Fassung"), Map.entry("field.grantId", "Freigabe (Kennung)"),
            Map.entry("field.createdBy", "Angelegt von"),
            Map.entry("value.resourceType.page", "Seite"), Map.entry("value.resourceType.session", "Anmeldung"),
            Map.entry("value.resourceType.account", "Konto"), Map.entry("value.resourceType.smoff-session", "Smoff-Time-Eintrag"),
            Map.entry("value.resourceType.smoff-sessions", "Smoff-Time"), Map.entry("value.resourceType.plan", "Plan"),
            Map.entry("value.resourceType.plans", "Pläne"), Map.entry("value.resourceType.picture", "Bild"),
            Map.entry("value.resourceType.pictures", "Bilder"), Map.entry("value.resourceType.message", "Nachricht"),
            Map.entry("value.resourceType.consent", "Einwilligung"), Map.entry("value.resourceType.export", "Datenexport"),
            Map.entry("value.resourceType.mentor-grant", "Mentor-Freigabe"), Map.entry("value.resourceType.restriction", "Einschränkung"),
            Map.entry("value.resourceType.assessment", "Bewertung"), Map.entry("value.resourceType.password", "Passwort"),
            Map.entry("value.actorRole.mentee", "Mentee"), Map.entry("value.actorRole.mentor", "Mentor"),
            Map.entry("value.actorRole.operator", "Betreiber"), Map.entry("value.actorRole.employer", "Arbeitgeber"),
            Map.entry("value.actorRole.auditor", "Prüfer"), Map.entry("value.actorRole.system", "Smoffen (automatisch)"),
            Map.entry("value.subjectRole.mentee", "Mentee"), Map.entry("value.subjectRole.mentor", "Mentor"),
            Map.entry("value.subjectRole.operator", "Betreiber"), Map.entry("value.subjectRole.employer", "Arbeitgeber"),
            Map.entry("value.subjectRole.auditor", "Prüfer"), Map.entry("value.method.console", "in der Konsole"),
            Map.entry("value.method.checkbox", "Häkchen bei der Registrierung"));

    private static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("store.supervision-cases", "Supervision"),
            Map.entry("store.supervision-cases.description", "Supervision cases about your planning (pseudonymised), or that you opened as mentor or answered as supervisor."),
            Map.entry("field.case", "Case"),
            Map.entry("field.participation", "Your part"), Map.entry("value.participation.about-you", "about you"),
            Map.entry("value.participation.opened-as-mentor", "opened by you as mentor"),
            Map.entry("value.participation.answered-as-supervisor", "brought to you as supervisor"),
            Map.entry("field.supervisor", "Supervisor"),
            Map.entry("field.openedAt", "opened"),
            Map.entry("field.closedAt", "closed"),
            Map.entry("field.closeReason", "Why it was closed"),
            Map.entry("field.pseudonymisedPlanning", "Planning (pseudonymised)"),
            Map.entry("field.question", "Question"),
            Map.entry("field.notes", "Notes"),
            Map.entry("field.messages", "Exchange"),
            Map.entry("field.from", "from"),
            Map.entry("field.writtenAt", "written"),
            Map.entry("store.accounts", "Your account"), Map.entry("store.smoff-time", "Smoff-Time"), Map.entry("store.plans", "Plans"),
            Map.entry("store.pictures", "Pictures"), Map.entry("store.employments", "Employers"), Map.entry("store.courses", "Courses"),
            Map.entry("store.messages", "Messages"), Map.entry("store.consent", "Consents and grants"), Map.entry("store.audit", "Log"),
            Map.entry("store.retention", "Restrictions"), Map.entry("store.privacy-requests", "Privacy requests"),
            Map.entry("store.notifications", "Notifications"),
            Map.entry("field.account", "Account"), Map.entry("field.session", "Sign-in sessions"),
            Map.entry("field.recovery-code", "Recovery codes"), Map.entry("field.reset-code", "Reset codes"),
            Map.entry("field.decisions", "Decisions"), Map.entry("field.grantsOverMyData", "Access to your data"),
            Map.entry("field.grantsToMe", "Access given to you"),
            Map.entry("field.type", "Kind"), Map.entry("field.id", "Id"), Map.entry("field.nickname", "Nickname"),
            Map.entry("field.roles", "Roles"), Map.entry("field.email", "E-mail"), Map.entry("field.createdAt", "Created"),
            Map.entry("field.welcomeSeenAt", "Explanation read"), Map.entry("field.lastSeenAt", "Last used"),
            Map.entry("field.expiresAt", "Expires"), Map.entry("field.userAgent", "Browser"), Map.entry("field.usedAt", "Used"),
            Map.entry("field.kind", "Kind"), Map.entry("field.date", "Date"), Map.entry("field.minutes", "Minutes"),
            Map.entry("field.note", "Note"), Map.entry("field.period", "Period"), Map.entry("field.text", "Text"),
            Map.entry("field.updatedAt", "Changed"), Map.entry("field.subjectId", "Person"), Map.entry("field.choice", "Decision"),
            Map.entry("field.decidedAt", "Decided"), Map.entry("field.granteeId", "Recipient"), Map.entry("field.actorId", "Who"),
            Map.entry("field.asActor", "What you did"), Map.entry("field.asSubject", "What others did with your data"),
            Map.entry("value.kind.day", "day"), Map.entry("value.kind.week", "week"), Map.entry("value.kind.quarter", "quarter"),
            Map.entry("value.kind.year", "year"), Map.entry("value.choice.GRANTED", "consented"),
            Map.entry("value.choice.REFUSED", "refused"), Map.entry("value.choice.WITHDRAWN", "withdrawn"),
            Map.entry("field.seq", "No."), Map.entry("field.client.ipAddress", "IP address"), Map.entry("field.client.userAgent", "Browser"),
            Map.entry("field.leafHash", "Hash in the log"), Map.entry("field.noticeVersion", "Notice version"),
            Map.entry("field.noticeLanguage", "Notice language"), Map.entry("field.recordedAt", "Recorded"),
            Map.entry("field.actorRole", "Role"), Map.entry("field.resourceType", "What"), Map.entry("field.resourceId", "Which"));

    private ExportTexts() {
    }

    /** The options of the page in {@code language} ({@code de} unless {@code en}), naming accounts by their nickname. */
    static ExportOptions options(String language, AccountService accounts) {
        boolean english = "en".equals(language);
        Map<String, String> labels = english ? ENGLISH : GERMAN;
        String details = english ? "Details: " : "Einzelheiten: ";
        return ExportOptions.in(english ? Locale.ENGLISH : Locale.GERMAN)
                // A log entry's details (details.status) are free-form: named as details, with their own key.
                .withLabels(key -> Optional.ofNullable(labels.get(key))
                        .or(() -> key.startsWith("field.details.") ? Optional.of(details + key.substring("field.details.".length())) : Optional.empty()))
                .withNames(id -> ACCOUNT_ID.matcher(id).matches() ? accounts.find(id).map(Account::nickname) : Optional.empty());
    }
}
