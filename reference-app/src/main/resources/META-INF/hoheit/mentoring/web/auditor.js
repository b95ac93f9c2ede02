// Smoffen web console: the auditor's pages (open to the operator too, as the API allows). The
// retention verification report with every finding and its evidence, the retention runs, and the
// audit log's signed checkpoints (with their witnesses' cosignatures) for the command-line verifier.
"use strict";

addText({
  de: {
    audit_runNow: "Jetzt einen Lauf starten", audit_runDone: "Lauf beendet: {outcome}, {affected} Datensätze betroffen.",
    audit_verification: "Prüfbericht", audit_verificationTitle: "Prüfbericht zur Aufbewahrung",
    audit_verificationIntro: "Bei jedem Aufruf neu geprüft: dass nichts länger aufbewahrt wird, als die Regeln erlauben, dass das Protokoll unverändert ist, dass jede Löschung in jedem Speicher abgeschlossen ist und dass jeder geplante Lauf stattgefunden hat.",
    audit_noFindings: "Keine Befunde: Alles wurde geprüft und ist in Ordnung.",
    audit_noFindingsPartial: "Keine Befunde in dem, was geprüft werden konnte. Nicht alles ließ sich prüfen (siehe unten).",
    audit_notChecked: "Nicht geprüft", audit_notCheckedHint: "Was diese Prüfung nicht abdecken konnte, und warum.", audit_oneFinding: "1 Befund",
    audit_someFindings: "Befunde", audit_generated: "Erstellt am",
    audit_downloadHtml: "Bericht als HTML herunterladen", audit_downloadJson: "Bericht als JSON herunterladen",
    audit_findings: "Befunde", audit_none: "Keine Befunde.", audit_concerns: "Betrifft", audit_evidence: "Belege",
    audit_checks: "Was geprüft wurde", audit_checksHint: "Dieselben Prüfungen wie im heruntergeladenen Bericht (der auf Englisch ist), hier in Ihrer Sprache.",
    audit_kind_RETENTION_OVERDUE: "Aufbewahrungsfrist überschritten", audit_kind_AUDIT_LOG_BROKEN: "Protokoll nicht unversehrt",
    audit_kind_ERASURE_INCOMPLETE: "Löschung unvollständig", audit_kind_RUN_MISSED: "Geplanter Lauf ausgefallen",
    audit_kind_RUN_FAILED: "Lauf fehlgeschlagen",
    audit_ev_store: "Speicher", audit_ev_category: "Kategorie", audit_ev_oldestRecord: "Ältester Datensatz",
    audit_ev_retentionPeriod: "Aufbewahrungsfrist", audit_ev_allowedBackTo: "Erlaubt zurück bis", audit_ev_requestedAt: "Beantragt am",
    audit_ev_attempts: "Versuche", audit_ev_failedStores: "Speicher mit Fehler", audit_ev_interval: "Geplanter Abstand",
    audit_ev_runs: "Geplante Läufe", audit_ev_gaps: "Lücken", audit_ev_firstGapAfter: "Erste Lücke nach",
    audit_ev_startedAt: "Gestartet am", audit_ev_failedSteps: "Schritte mit Fehler", audit_ev_totalFindings: "Probleme insgesamt",
    audit_day: "Tag", audit_days: "Tage", audit_hour: "Stunde", audit_hours: "Stunden",
    audit_minute: "Minute", audit_minutes: "Minuten", audit_second: "Sekunde", audit_seconds: "Sekunden",
    audit_line_retention: "{category} in {store}: ältester Datensatz {oldest}, erlaubt zurück bis {limit} ({action} nach {period})",
    audit_line_held: "{category} in {store}: ausgesetzt wegen einer gesetzlichen Aufbewahrungspflicht für alle",
    audit_line_log: "Protokoll: Positionen {first} bis {last}, {events} Ereignisse neu gehasht, {checkpoints} Checkpoints verglichen: {result}",
    audit_line_erasures: "Löschungen: {count} unvollständig",
    audit_line_schedule: "Zeitplan alle {interval} seit {since}: {runs} geplante Läufe, {gaps} Lücken",
    audit_line_noRun: "Letzter Aufbewahrungslauf: noch keiner",
    audit_line_run: "Letzter Aufbewahrungslauf: {outcome} am {at}",
    audit_nc_policies: "Aufbewahrungsfristen: Es ist keine Aufbewahrungsregel eingerichtet, also kann nichts überfällig sein, und nichts wurde verglichen.",
    audit_nc_runs: "Aufbewahrungsläufe: Es hat noch kein Lauf stattgefunden, also zeigt kein Lauf, ob die Regeln planmäßig angewendet werden.",
    audit_nc_signature: "Signatur des Protokolls: Es gibt noch keinen signierten Checkpoint, daher wurden die Einträge nur gegen den gespeicherten Baum neu gehasht; nichts Signiertes legt den Baum fest, und ein als Ganzes neu geschriebenes Protokoll fiele nicht auf.",
    audit_noRecord: "keiner",
    audit_verifies: "in Ordnung",
    audit_broken: "BESCHÄDIGT",
    audit_msg_overdue: "Datensätze werden länger aufbewahrt, als die Regel erlaubt.",
    audit_msg_logBroken: "Die Hash-Kette des Protokolls lässt sich nicht bestätigen.",
    audit_msg_erasure: "Eine Löschung ist nicht in jedem Speicher abgeschlossen.",
    audit_msg_missed: "Geplante Aufbewahrungsläufe haben nicht stattgefunden.",
    audit_msg_runFailed: "Der letzte Aufbewahrungslauf ist fehlgeschlagen.",
    audit_subject_log: "das Protokoll",
    audit_subject_erasure: "Löschung {id}",
    audit_subject_schedule: "Zeitplan {id}",
    audit_runs: "Aufbewahrungsläufe", audit_runsTitle: "Aufbewahrungsläufe",
    audit_runsIntro: "Jeder Lauf wendet alle Aufbewahrungsregeln an. Pro Regel und Speicher steht hier, was älter als die Frist war und wie viele Datensätze gelöscht oder anonymisiert wurden.",
    audit_noRuns: "Noch kein Lauf.", audit_run: "Lauf", audit_finishedAt: "beendet", audit_notFinished: "noch nicht beendet",
    audit_affected: "Datensätze betroffen",
    audit_trigger_SCHEDULED: "geplant", audit_trigger_MANUAL: "von Hand gestartet",
    audit_outcome_SUCCEEDED: "erfolgreich", audit_outcome_FAILED: "fehlgeschlagen", audit_outcome_RUNNING: "läuft",
    audit_outcome_RESUMED: "von einem späteren Lauf abgeschlossen",
    audit_policy: "Regel (Kategorie)", audit_store: "Speicher", audit_action: "Aktion", audit_cutoff: "Älter als",
    audit_count: "Betroffen", audit_stepStatus: "Stand",
    audit_action_DELETE: "löschen", audit_action_ANONYMISE: "anonymisieren",
    audit_step_DONE: "erledigt", audit_step_PENDING: "unterbrochen; der nächste Lauf macht weiter", audit_step_FAILED: "fehlgeschlagen",
    audit_checkpoints: "Checkpoints", audit_checkpointsTitle: "Signierte Checkpoints des Protokolls",
    audit_checkpointsIntro: "Das Protokoll ist ein Merkle-Baum (RFC 6962). Ein Checkpoint ist seine signierte Aussage: Der Baum hatte so viele Einträge und genau diesen Wurzel-Hash. Zeugen gegensignieren ihn, nachdem sie geprüft haben, dass der Baum nur gewachsen ist und sich nichts darin geändert hat. Bewahren Sie die Checkpoints außerhalb von Smoffen auf; damit erkennt das Prüfprogramm jede spätere Änderung, Kürzung oder Abspaltung.",
    audit_seal: "Jetzt einen Checkpoint signieren", audit_sealed: "Checkpoint signiert.",
    audit_noCheckpoints: "Noch keine Checkpoints. Signieren Sie einen, bevor Sie die Datei herunterladen.",
    audit_size: "Einträge", audit_headTime: "Letzter Eintrag", audit_sealedAt: "Signiert am", audit_hash: "Wurzel-Hash",
    audit_keyId: "Schlüssel", audit_signature: "Signatur", audit_valid: "gültig", audit_invalid: "UNGÜLTIG",
    audit_cosigned: "Gegensigniert von", audit_noCosigner: "keinem Zeugen",
    audit_signatureHint: "Smoffen prüft die Signatur des Protokolls mit dessen Schlüssel. Die Zeugen stehen hier so, wie der Checkpoint sie nennt; das Prüfprogramm prüft ihre Gegensignaturen mit den Schlüsseln der Zeugen, denen Sie vertrauen.",
    audit_downloadJsonl: "Checkpoints herunterladen (JSON Lines)", audit_downloadVkey: "Prüfschlüssel des Protokolls herunterladen",
    audit_downloadKey: "Öffentlichen Schlüssel herunterladen (PEM)",
    audit_tiles: "Die Hashes des Baums (Tiles) und der neueste Checkpoint sind öffentlich unter /log/ (C2SP tlog-tiles), etwa /log/checkpoint; sie verraten nichts über Personen. Die Einträge selbst (/log/tile/entries/…) erhalten nur Prüferinnen und Prüfer, und jeder Abruf wird protokolliert.",
    audit_cli: "So prüfen Sie das Protokoll ohne Smoffen: Das Prüfprogramm liest dieselben Tiles und Einträge direkt aus der Datenbank, prüft sie gegen Ihre Checkpoints, den Prüfschlüssel und die Zeugen, denen Sie vertrauen, und merkt sich in seinem eigenen Ordner, was es gesehen hat."
  },
  en: {
    audit_runNow: "Start a run now", audit_runDone: "Run finished: {outcome}, {affected} records affected.",
    audit_verification: "Verification", audit_verificationTitle: "Retention verification report",
    audit_verificationIntro: "Checked afresh on every visit: that nothing is kept longer than the rules allow, that the log is unaltered, that every erasure completed in every store, and that every scheduled run happened.",
    audit_noFindings: "No findings: everything was checked and is in order.",
    audit_noFindingsPartial: "No findings in what could be checked. Not everything could be checked (see below).",
    audit_notChecked: "Not checked", audit_notCheckedHint: "What this verification could not cover, and why.", audit_oneFinding: "1 finding",
    audit_someFindings: "findings", audit_generated: "Generated on",
    audit_downloadHtml: "Download the report as HTML", audit_downloadJson: "Download the report as JSON",
    audit_findings: "Findings", audit_none: "No findings.", audit_concerns: "Concerns", audit_evidence: "Evidence",
    audit_checks: "What was checked", audit_checksHint: "The same checks as in the downloaded report (which is in English), here in your language.",
    audit_kind_RETENTION_OVERDUE: "Retention period exceeded", audit_kind_AUDIT_LOG_BROKEN: "Audit log not intact",
    audit_kind_ERASURE_INCOMPLETE: "Erasure incomplete", audit_kind_RUN_MISSED: "Scheduled run missed",
    audit_kind_RUN_FAILED: "Run failed",
    audit_ev_store: "Store", audit_ev_category: "Category", audit_ev_oldestRecord: "Oldest record",
    audit_ev_retentionPeriod: "Retention period", audit_ev_allowedBackTo: "Allowed back to", audit_ev_requestedAt: "Requested at",
    audit_ev_attempts: "Attempts", audit_ev_failedStores: "Stores that failed", audit_ev_interval: "Scheduled interval",
    audit_ev_runs: "Scheduled runs", audit_ev_gaps: "Gaps", audit_ev_firstGapAfter: "First gap after",
    audit_ev_startedAt: "Started at", audit_ev_failedSteps: "Steps that failed", audit_ev_totalFindings: "Problems in total",
    audit_day: "day", audit_days: "days", audit_hour: "hour", audit_hours: "hours",
    audit_minute: "minute", audit_minutes: "minutes", audit_second: "second", audit_seconds: "seconds",
    audit_line_retention: "{category} in {store}: oldest record {oldest}, allowed back to {limit} ({action} after {period})",
    audit_line_held: "{category} in {store}: suspended by a legal hold on everyone",
    audit_line_log: "audit log: positions {first} to {last}, {events} events re-hashed, {checkpoints} checkpoints compared: {result}",
    audit_line_erasures: "erasures: {count} incomplete",
    audit_line_schedule: "schedule every {interval} since {since}: {runs} scheduled runs, {gaps} gaps",
    audit_line_noRun: "latest retention run: none yet",
    audit_line_run: "latest retention run: {outcome} at {at}",
    audit_nc_policies: "retention periods: no retention policy is configured, so nothing can be overdue and nothing was compared",
    audit_nc_runs: "retention runs: no run has happened yet, so whether the policies are applied on schedule is not shown by any run",
    audit_nc_signature: "audit log signature: there is no signed checkpoint yet, so the entries were re-hashed against the stored tree only; nothing signed pins the tree, and a log rewritten as a whole would not be noticed",
    audit_noRecord: "none",
    audit_verifies: "verifies",
    audit_broken: "BROKEN",
    audit_msg_overdue: "records are kept longer than the policy allows",
    audit_msg_logBroken: "the audit log's hash chain does not verify",
    audit_msg_erasure: "an erasure has not completed in every store",
    audit_msg_missed: "scheduled retention runs did not happen",
    audit_msg_runFailed: "the latest retention run failed",
    audit_subject_log: "the audit log",
    audit_subject_erasure: "erasure {id}",
    audit_subject_schedule: "schedule {id}",
    audit_runs: "Retention runs", audit_runsTitle: "Retention runs",
    audit_runsIntro: "Every run applies all retention rules. For each rule and store you see what was older than the period and how many records were deleted or anonymised.",
    audit_noRuns: "No run yet.", audit_run: "Run", audit_finishedAt: "finished", audit_notFinished: "not finished yet",
    audit_affected: "records affected",
    audit_trigger_SCHEDULED: "scheduled", audit_trigger_MANUAL: "started by hand",
    audit_outcome_SUCCEEDED: "succeeded", audit_outcome_FAILED: "failed", audit_outcome_RUNNING: "running",
    audit_outcome_RESUMED: "finished by a later run",
    audit_policy: "Rule (category)", audit_store: "Store", audit_action: "Action", audit_cutoff: "Older than",
    audit_count: "Affected", audit_stepStatus: "State",
    audit_action_DELETE: "delete", audit_action_ANONYMISE: "anonymise",
    audit_step_DONE: "done", audit_step_PENDING: "interrupted; the next run carries on", audit_step_FAILED: "failed",
    audit_checkpoints: "Checkpoints", audit_checkpointsTitle: "Signed checkpoints of the audit log",
    audit_checkpointsIntro: "The log is a Merkle tree (RFC 6962). A checkpoint is its signed statement: the tree had this many entries and exactly this root hash. Witnesses cosign it once they have checked that the tree only grew and nothing in it changed. Keep the checkpoints outside Smoffen; with them the verifier detects any later change, cut or fork.",
    audit_seal: "Seal a checkpoint now", audit_sealed: "Checkpoint sealed.",
    audit_noCheckpoints: "No checkpoints yet. Seal one before you download the file.",
    audit_size: "Entries", audit_headTime: "Last entry", audit_sealedAt: "Sealed on", audit_hash: "Root hash",
    audit_keyId: "Key", audit_signature: "Signature", audit_valid: "valid", audit_invalid: "INVALID",
    audit_cosigned: "Cosigned by", audit_noCosigner: "no witness",
    audit_signatureHint: "Smoffen checks the log's signature with the log's key. Witnesses are shown as the checkpoint names them; the verifier checks their cosignatures with the keys of the witnesses you trust.",
    audit_downloadJsonl: "Download the checkpoints (JSON Lines)", audit_downloadVkey: "Download the log's verifier key",
    audit_downloadKey: "Download the public key (PEM)",
    audit_tiles: "The tree's hashes (tiles) and the newest checkpoint are public under /log/ (C2SP tlog-tiles), such as /log/checkpoint; they reveal nothing about anyone. The entries themselves (/log/tile/entries/…) are for auditors only, and every read is logged.",
    audit_cli: "How to verify the log without Smoffen: the verifier reads the same tiles and entries straight from the database, checks them against your checkpoints, the verifier key and the witnesses you trust, and keeps what it saw in its own folder."
  }
});

/**
 * An ISO-8601 duration (PT8760H, P7D) in words in the page's language ("365 Tage", "1 hour"); the exact
 * value is kept for the element's title, never shown as the text.
 */
function auditDurationText(iso) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(iso);
  if (!match) { return iso; }
  const seconds = Number(match[1] || 0) * 86400 + Number(match[2] || 0) * 3600 + Number(match[3] || 0) * 60 + Number(match[4] || 0);
  const [amount, unit] = seconds % 86400 === 0 && seconds > 0 ? [seconds / 86400, "audit_day"]
    : seconds % 3600 === 0 && seconds > 0 ? [seconds / 3600, "audit_hour"]
      : seconds % 60 === 0 && seconds > 0 ? [seconds / 60, "audit_minute"] : [seconds, "audit_second"];
  return amount.toLocaleString(dateLocale()) + " " + t(amount === 1 ? unit : unit + "s");
}

/** A duration as an element: in words, the ISO value on hover. */
function auditDuration(iso) {
  return el("span", { class: "duration", title: iso, "data-iso": iso }, auditDurationText(iso));
}

/** A value of the evidence: times in the page's language (exact value on hover), durations in words. */
function auditValue(value) {
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(value)) { return el("time", { datetime: value, title: value }, when(value)); }
  if (/^P(?=\d|T\d)/.test(value)) { return auditDuration(value); }
  return value;
}

/** A time of a report line in the page's language, or "none". */
function auditWhen(value) {
  return value === "none" ? t("audit_noRecord") : when(value);
}

// The lines of the verification report as the retention library writes them (in English), each with
// its text in the page's language. A line not known here is shown as it is, marked as English.
const AUDIT_LINES = [
  [/^(.+) in (.+): oldest record (\S+), allowed back to (\S+) \((\w+) after (P\S+)\)$/, (m) => textWith("audit_line_retention",
    { category: m[1], store: m[2], oldest: auditWhen(m[3]), limit: when(m[4]), action: textOr("audit_action_" + m[5], m[5]), period: auditDurationText(m[6]) })],
  [/^(.+) in (.+): suspended by a legal hold on everyone$/, (m) => textWith("audit_line_held", { category: m[1], store: m[2] })],
  [/^audit log: positions (-?\d+)\.\.(-?\d+), (\d+) events re-hashed, (\d+) checkpoints compared: (verifies|BROKEN)$/, (m) => textWith("audit_line_log",
    { first: m[1], last: m[2], events: m[3], checkpoints: m[4], result: t(m[5] === "verifies" ? "audit_verifies" : "audit_broken") })],
  [/^erasures: (\d+) incomplete$/, (m) => textWith("audit_line_erasures", { count: m[1] })],
  [/^schedule every (P\S+) since (\S+): (\d+) scheduled runs, (\d+) gap\(s\)$/, (m) => textWith("audit_line_schedule",
    { interval: auditDurationText(m[1]), since: when(m[2]), runs: m[3], gaps: m[4] })],
  [/^latest retention run: none yet$/, () => t("audit_line_noRun")],
  [/^latest retention run: (\w+) at (\S+)$/, (m) => textWith("audit_line_run", { outcome: textOr("audit_outcome_" + m[1], m[1]), at: when(m[2]) })],
  [/^retention periods: no retention policy is configured/, () => t("audit_nc_policies")],
  [/^retention runs: no run has happened yet/, () => t("audit_nc_runs")],
  [/^audit log signature: there is no signed checkpoint yet/, () => t("audit_nc_signature")]
];
const AUDIT_MESSAGES = { "records are kept longer than the policy allows": "audit_msg_overdue",
  "the audit log's hash chain does not verify": "audit_msg_logBroken", "an erasure has not completed in every store": "audit_msg_erasure",
  "scheduled retention runs did not happen": "audit_msg_missed", "the latest retention run failed": "audit_msg_runFailed" };

/** A line of the report as a list item in the page's language (unknown lines as they are, lang="en"). */
function auditLineItem(line, attrs) {
  for (const [pattern, text] of AUDIT_LINES) {
    const match = pattern.exec(line);
    if (match) { return el("li", Object.assign({ title: line }, attrs), text(match)); }
  }
  return el("li", Object.assign({ lang: "en" }, attrs), line);
}

/** What a finding concerns, in the page's language. */
function auditSubject(subject) {
  let match;
  if (subject === "audit log") { return t("audit_subject_log"); }
  if ((match = /^run (\S+)$/.exec(subject))) { return t("audit_run") + " " + match[1]; }
  if ((match = /^erasure (\S+)$/.exec(subject))) { return textWith("audit_subject_erasure", { id: match[1] }); }
  if ((match = /^schedule (\S+)$/.exec(subject))) { return textWith("audit_subject_schedule", { id: match[1] }); }
  return subject;
}

/** One finding: what is wrong, what it concerns, and every piece of evidence the report gives. */
function auditFindingItem(finding, index) {
  const evidence = Object.entries(finding.evidence || {});
  return el("li", { class: "card audit-finding", id: "audit-finding-" + (index + 1), "data-kind": finding.kind },
    el("h3", {}, textOr("audit_kind_" + finding.kind, finding.kind)),
    el("p", {}, el("strong", {}, t("audit_concerns") + ": "), auditSubject(finding.subject)),
    AUDIT_MESSAGES[finding.message] ? el("p", {}, t(AUDIT_MESSAGES[finding.message])) : el("p", { lang: "en" }, finding.message),
    evidence.length === 0 ? null : el("h4", {}, t("audit_evidence")),
    evidence.length === 0 ? null : el("dl", { class: "evidence" }, ...evidence.flatMap(([key, value]) => [
      el("dt", { "data-key": key }, textOr("audit_ev_" + key, key)), el("dd", {}, auditValue(value))])));
}

page("/verification", ["auditor", "operator"], "audit_verification", async (main) => {
  const report = await api("GET", "/api/auditor/verification");
  const count = report.findings.length;
  const result = el("section", { class: "card audit-result", id: "audit-result", "data-ok": String(report.ok), "aria-labelledby": "audit-result-title" },
    el("h2", { id: "audit-result-title" }, !report.ok ? (count === 1 ? t("audit_oneFinding") : count + " " + t("audit_someFindings"))
      : report.complete === false ? t("audit_noFindingsPartial") : t("audit_noFindings")),
    el("p", { class: "hint" }, t("audit_generated") + " ", el("time", { datetime: report.generatedAt }, when(report.generatedAt))),
    el("p", { class: "downloads" },
      el("a", { class: "button", id: "audit-download-html", href: "/api/auditor/verification?format=html", download: "retention-verification.html" },
        t("audit_downloadHtml")),
      el("a", { class: "button", id: "audit-download-json", href: "/api/auditor/verification", download: "retention-verification.json" },
        t("audit_downloadJson"))));
  fill(main, el("h1", {}, t("audit_verificationTitle")), el("p", { class: "hint" }, t("audit_verificationIntro")), result,
    el("section", { "aria-labelledby": "audit-findings-title" }, el("h2", { id: "audit-findings-title" }, t("audit_findings")),
      count === 0 ? el("p", { id: "audit-no-findings" }, t("audit_none"))
        : el("ol", { class: "plain", id: "audit-findings" }, ...report.findings.map(auditFindingItem))),
    (report.notChecked || []).length === 0 ? null : el("section", { "aria-labelledby": "audit-not-checked-title" },
      el("h2", { id: "audit-not-checked-title" }, t("audit_notChecked")), el("p", { class: "hint" }, t("audit_notCheckedHint")),
      el("ul", { id: "audit-not-checked", class: "audit-checks" }, ...report.notChecked.map((line) => auditLineItem(line, {})))),
    el("section", { "aria-labelledby": "audit-checks-title" }, el("h2", { id: "audit-checks-title" }, t("audit_checks")),
      el("p", { class: "hint" }, t("audit_checksHint")),
      el("ul", { id: "audit-checks", class: "audit-checks" }, ...report.checks.map((check) => auditLineItem(check, { class: "audit-check" })))));
});

/** A table that scrolls sideways on a narrow screen, reachable by keyboard. */
function auditTable(caption, head, rows, attrs) {
  return el("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": caption },
    el("table", attrs || {}, el("caption", { class: "visually-hidden" }, caption),
      el("thead", {}, el("tr", {}, ...head.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, ...rows)));
}

/** One retention run: when, how it started, how it ended, and what every rule did in every store. */
function auditRunItem(run) {
  const title = t("audit_run") + " " + when(run.startedAt);
  const steps = run.steps.map((step) => el("tr", { class: "audit-step", "data-store": step.store, "data-category": step.category,
    "data-status": step.status },
    el("td", {}, step.category), el("td", {}, step.store), el("td", {}, textOr("audit_action_" + step.action, step.action)),
    el("td", {}, el("time", { datetime: step.cutoff, title: step.cutoff }, when(step.cutoff))), el("td", {}, String(step.affected)),
    el("td", {}, textOr("audit_step_" + step.status, step.status), step.error ? el("br") : null, step.error || null)));
  return el("li", { class: "card audit-run", id: "audit-run-" + run.runId, "data-outcome": run.outcome, "data-trigger": run.trigger },
    el("h2", {}, title),
    el("p", {}, el("strong", { class: run.outcome === "FAILED" ? "invalid" : false }, textOr("audit_outcome_" + run.outcome, run.outcome)),
      " — " + textOr("audit_trigger_" + run.trigger, run.trigger) + ", ",
      run.finishedAt ? el("span", {}, t("audit_finishedAt") + " ", el("time", { datetime: run.finishedAt }, when(run.finishedAt)))
        : t("audit_notFinished"),
      ", " + run.affected + " " + t("audit_affected")),
    auditTable(title, [t("audit_policy"), t("audit_store"), t("audit_action"), t("audit_cutoff"), t("audit_count"), t("audit_stepStatus")], steps));
}

page("/retention-runs", ["auditor", "operator"], "audit_runs", async (main) => {
  const data = await api("GET", "/api/auditor/retention-runs");
  // The operator may start a run now; auditors only look.
  let runNow = null;
  if (me.roles.includes("operator")) {
    runNow = el("button", { type: "button", id: "audit-run-now" }, t("audit_runNow"));
    runNow.addEventListener("click", async () => {
      runNow.disabled = true;
      try {
        const run = await api("POST", "/api/operator/retention-runs");
        message(textWith("audit_runDone", { outcome: textOr("audit_outcome_" + run.outcome, run.outcome), affected: run.affected }));
        route();
      } catch (error) { runNow.disabled = false; failed(error); }
    });
  }
  fill(main, el("h1", {}, t("audit_runsTitle")), el("p", { class: "hint" }, t("audit_runsIntro")), runNow,
    data.runs.length === 0 ? el("p", { id: "audit-no-runs" }, t("audit_noRuns"))
      : el("ol", { class: "plain", id: "audit-runs" }, ...data.runs.map(auditRunItem)));
});

/**
 * Who cosigned a checkpoint: the signature lines of its note (c2sp.org/signed-note) other than the
 * log's own, with the time a C2SP cosignature states. Not verified here: the verifier checks them.
 */
function auditCosigners(note, origin) {
  const split = note.lastIndexOf("\n\n");
  const seen = new Set();
  return split < 0 ? [] : note.slice(split + 2).split("\n").filter((line) => line.startsWith("\u2014 "))
    .map((line) => line.slice(2).split(" "))
    .filter(([name]) => name !== origin && !seen.has(name) && seen.add(name))
    .map(([name, data]) => ({ name, at: auditCosignedAt(data) }));
}

/** A cosignature/v1 line holds a key ID (4 bytes), the time in seconds (8 bytes) and an Ed25519 signature (64 bytes). */
function auditCosignedAt(data) {
  try {
    const bytes = atob(data);
    if (bytes.length !== 76) { return null; }
    let seconds = 0;
    for (let i = 4; i < 12; i++) { seconds = seconds * 256 + bytes.charCodeAt(i); }
    return new Date(seconds * 1000).toISOString();
  } catch (error) { return null; }
}

function auditCosignerCell(cosigners) {
  if (cosigners.length === 0) { return el("span", { class: "hint" }, t("audit_noCosigner")); }
  return el("ul", { class: "plain audit-cosigners" }, ...cosigners.map((c) => el("li", { class: "audit-cosigner", "data-name": c.name },
    el("code", { class: "hash" }, c.name), c.at ? " " : null, c.at ? el("time", { datetime: c.at, title: c.at }, when(c.at)) : null)));
}

page("/checkpoints", ["auditor", "operator"], "audit_checkpoints", async (main) => {
  const data = await api("GET", "/api/auditor/checkpoints");
  const seal = el("button", { type: "button", id: "audit-seal" }, t("audit_seal"));
  seal.addEventListener("click", async () => {
    try {
      await api("POST", "/api/auditor/checkpoints");
      message(t("audit_sealed"));
      await route();
    } catch (error) { failed(error); }
  });
  const rows = data.checkpoints.slice().reverse().map((c) => {
    const cosigners = auditCosigners(c.note, c.origin);
    return el("tr", { class: "audit-checkpoint", id: "audit-checkpoint-" + c.size, "data-seq": c.size, "data-size": c.size,
      "data-valid": String(c.signatureValid), "data-cosigners": cosigners.length },
    el("td", {}, String(c.size)), el("td", {}, el("time", { datetime: c.headTime, title: c.headTime }, when(c.headTime))),
    el("td", {}, el("time", { datetime: c.sealedAt, title: c.sealedAt }, when(c.sealedAt))),
    el("td", {}, el("code", { class: "hash" }, c.rootHash)), el("td", {}, el("code", {}, c.keyId || "")),
    el("td", {}, el("strong", { class: c.signatureValid ? "valid" : "invalid" }, c.signatureValid ? t("audit_valid") : t("audit_invalid"))),
    el("td", {}, auditCosignerCell(cosigners)));
  });
  fill(main, el("h1", {}, t("audit_checkpointsTitle")), el("p", { class: "hint" }, t("audit_checkpointsIntro")),
    el("p", {}, seal),
    rows.length === 0 ? el("p", { id: "audit-no-checkpoints" }, t("audit_noCheckpoints"))
      : auditTable(t("audit_checkpointsTitle"), [t("audit_size"), t("audit_headTime"), t("audit_sealedAt"), t("audit_hash"),
        t("audit_keyId"), t("audit_signature"), t("audit_cosigned")], rows, { id: "audit-checkpoints" }),
    rows.length === 0 ? null : el("p", { class: "hint" }, t("audit_signatureHint")),
    el("section", { class: "card" },
      el("p", { class: "downloads" },
        el("a", { class: "button", id: "audit-download-jsonl", href: "/api/auditor/checkpoints?format=jsonl", download: "checkpoints.jsonl" },
          t("audit_downloadJsonl")),
        el("a", { class: "button", id: "audit-download-vkey", href: "/api/auditor/checkpoints?format=vkey", download: "audit-log.vkey" },
          t("audit_downloadVkey")),
        el("a", { class: "button", id: "audit-download-key", href: "/api/auditor/checkpoints?format=pem", download: "audit-signing.pub" },
          t("audit_downloadKey"))),
      el("p", { id: "audit-tiles" }, t("audit_tiles")),
      el("p", {}, t("audit_cli")),
      el("pre", { class: "cli" }, el("code", { id: "audit-cli" }, "audit-verifier/bin/hoheit-audit verify \\\n"
        + "  --jdbc-url <JDBC URL of the Smoffen database> --user <read-only user> --password-file <file> \\\n"
        + "  --origin " + data.origin + " --log-key audit-log.vkey --checkpoints checkpoints.jsonl \\\n"
        + "  [--witness-key <witness.vkey> --quorum 1] --state <folder of the verifier>"))));
});
