// Smoffen web console: the research export (R20) for the operator. Anonymised planning statistics
// per ISO week over the people who grant research use; small groups are suppressed by the server.
"use strict";

addText({
  de: {
    rs_menu: "Forschungsexport", rs_title: "Forschungsexport (nur anonymisiert)",
    rs_intro: "Statistiken der Smoff-Time aller Personen, die der Forschung mit anonymisierten Daten gerade zustimmen, je Kalenderwoche und Art. Keine Kennungen, Spitznamen, Notizen, Bilder oder Pläne; jede Zelle mit weniger als {k} Personen bleibt leer. Jeder Export steht im Prüfprotokoll.",
    rs_from: "Von Woche (z. B. 2026-W01)", rs_to: "Bis Woche", rs_show: "Anzeigen", rs_csv: "Als CSV herunterladen",
    rs_cohort: "Personen, die zustimmen: {n}", rs_cohortSuppressed: "Weniger als {k} Personen stimmen zu; die Zahl wird nicht gezeigt.",
    rs_week: "Woche", rs_kind: "Art", rs_people: "Personen", rs_entries: "Einträge", rs_minutes: "Minuten", rs_mean: "Minuten je Person",
    rs_suppressed: "unterdrückt (weniger als {k} Personen)", rs_none: "In diesem Zeitraum gibt es keine Einträge.",
    rs_kind_day: "Tag", rs_kind_week: "Woche", rs_kind_quarter: "Quartal", rs_kind_year: "Jahr"
  },
  en: {
    rs_menu: "Research export", rs_title: "Research export (anonymised only)",
    rs_intro: "Smoff-Time statistics of everyone who currently agrees to research with anonymised data, per ISO week and kind. No identifiers, nicknames, notes, pictures or plans; every cell with fewer than {k} people stays empty. Every export is in the audit log.",
    rs_from: "From week (e.g. 2026-W01)", rs_to: "To week", rs_show: "Show", rs_csv: "Download as CSV",
    rs_cohort: "People who agree: {n}", rs_cohortSuppressed: "Fewer than {k} people agree; the number is not shown.",
    rs_week: "Week", rs_kind: "Kind", rs_people: "People", rs_entries: "Entries", rs_minutes: "Minutes", rs_mean: "Minutes per person",
    rs_suppressed: "suppressed (fewer than {k} people)", rs_none: "There are no entries in this period.",
    rs_kind_day: "day", rs_kind_week: "week", rs_kind_quarter: "quarter", rs_kind_year: "year"
  }
});

page("/research-export", ["operator"], "rs_menu", async (main) => {
  const from = el("input", { id: "rs-from", pattern: "\\d{4}-W\\d{2}", maxlength: 8, size: 10 });
  const to = el("input", { id: "rs-to", pattern: "\\d{4}-W\\d{2}", maxlength: 8, size: 10 });
  const output = el("div", { id: "rs-output", "aria-live": "polite" });
  const intro = el("p", { class: "hint", id: "rs-intro" });
  const query = () => {
    const params = new URLSearchParams();
    if (from.value.trim()) { params.set("from", from.value.trim()); }
    if (to.value.trim()) { params.set("to", to.value.trim()); }
    return params;
  };
  const show = async () => {
    const report = await api("GET", "/api/operator/research-export?" + query());
    from.value = report.from;
    to.value = report.to;
    intro.textContent = textWith("rs_intro", { k: report.k });
    const cohort = el("p", { id: "rs-cohort" }, report.cohort === null ? textWith("rs_cohortSuppressed", { k: report.k })
      : textWith("rs_cohort", { n: report.cohort }));
    const rows = report.cells.map((c) => el("tr", { "data-week": c.week, "data-kind": c.kind, "data-suppressed": String(c.suppressed) },
      el("td", {}, c.week), el("td", {}, t("rs_kind_" + c.kind)),
      ...(c.suppressed ? [el("td", { colspan: 4, class: "hint" }, textWith("rs_suppressed", { k: report.k }))]
        : [el("td", {}, String(c.people)), el("td", {}, String(c.entries)), el("td", {}, String(c.minutes)),
          el("td", {}, String(c.meanMinutesPerPerson))])));
    const table = rows.length === 0 ? el("p", { class: "hint", id: "rs-none" }, t("rs_none"))
      : el("table", { id: "rs-table" }, el("thead", {}, el("tr", {}, ...["rs_week", "rs_kind", "rs_people", "rs_entries", "rs_minutes", "rs_mean"]
        .map((key) => el("th", { scope: "col" }, t(key))))), el("tbody", {}, ...rows));
    output.replaceChildren(cohort, table);
    linkCsv();
  };
  const form = el("form", { class: "card", id: "rs-form", novalidate: true },
    ...field("rs-from", "rs_from", from), ...field("rs-to", "rs_to", to), el("button", { type: "submit" }, t("rs_show")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try { await show(); } catch (error) { failed(error); }
  });
  // A plain link: the browser downloads with the session cookie; the server checks the role and logs the export.
  const csv = el("a", { class: "button secondary", id: "rs-csv", download: "" }, t("rs_csv"));
  const linkCsv = () => {
    const params = query();
    params.set("format", "csv");
    csv.href = "/api/operator/research-export?" + params;
  };
  from.addEventListener("input", linkCsv);
  to.addEventListener("input", linkCsv);
  fill(main, el("h1", {}, t("rs_title")), intro, form, csv, output);
  await show();
});
