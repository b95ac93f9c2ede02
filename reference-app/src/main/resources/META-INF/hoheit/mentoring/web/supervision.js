// Smoffen web console: supervision with pseudonymised cases only (R26). A mentor brings a case about
// one of her mentees to a supervisor; the case shows a label instead of the person, weeks relative to
// its opening instead of dates, durations and plan structure instead of texts. The supervisor reads
// and answers; the mentee sees each case about her and can object, which closes it.
"use strict";

addText({
  de: {
    sup_mentorMenu: "Supervision", sup_supervisorMenu: "Meine Supervisionsfälle", sup_aboutMeMenu: "Supervision über mich",
    sup_mentorTitle: "Supervision: Fälle besprechen",
    sup_mentorIntro: "Besprechen Sie die Planung eines Mentees mit einer erfahrenen Kollegin oder einem Kollegen. Der Fall ist pseudonymisiert: Er trägt eine Fallnummer statt des Namens, zeigt Wochen relativ zur Eröffnung statt Daten, die Smoff-Time als Dauer und Regelmäßigkeit und die Pläne nur als Umfang, nie ihren Text, keine Bilder und keine Nachrichten.",
    sup_mentorRules: "Ihre Frage und Notizen werden vor dem Teilen geprüft: Nennen sie den Spitznamen oder die E-Mail-Adresse des Mentees, irgendeine E-Mail-Adresse oder Kennung oder den Spitznamen eines anderen Kontos, werden sie abgelehnt. Beschreiben Sie die Person, statt sie zu nennen.",
    sup_menteeSees: "Der Mentee sieht unter „Supervision über mich“, dass ihre Planung besprochen wird (mit wem und seit wann), und kann widersprechen; dann endet der Fall.",
    sup_newCase: "Neuen Fall eröffnen", sup_mentee: "Mentee", sup_supervisor: "Spitzname des Supervisors",
    sup_weeks: "Zeitraum", sup_weeksOption: "die letzten {weeks} Wochen", sup_question: "Ihre Frage", sup_notes: "Notizen (freiwillig)",
    sup_open: "Fall eröffnen", sup_opened: "Der Fall ist eröffnet.", sup_noMentees: "Zurzeit gibt Ihnen niemand Einblick in seine Daten; ohne Freigabe gibt es keinen Fall.",
    sup_myCases: "Meine Fälle", sup_noCases: "Noch keine Fälle.", sup_noOpenCases: "Zurzeit liegt Ihnen kein offener Fall vor.",
    sup_case: "Fall {label}", sup_status_open: "offen", sup_status_closed: "geschlossen",
    "sup_reason_closed-by-mentor": "vom Mentor geschlossen", sup_reason_objection: "nach Widerspruch des Mentees geschlossen",
    "sup_reason_supervisor-rights-withdrawn": "geschlossen, weil die Supervisionsrechte entzogen wurden",
    sup_about: "über {mentee}", sup_with: "mit {supervisor}", sup_from: "von {mentor}", sup_openedOn: "eröffnet am {when}",
    sup_closedOn: "geschlossen am {when}",
    sup_planning: "Die Planung, pseudonymisiert", sup_planningClosed: "Der Fall ist geschlossen: Die Übersicht über die Planung ist gelöscht.",
    sup_span: "{weeks} Wochen: Woche {from} bis Woche 0, die Woche, in der der Fall eröffnet wurde.",
    sup_smoffTime: "Smoff-Time je Art", sup_kind: "Art", sup_sessions: "Sitzungen", sup_totalMinutes: "Minuten gesamt",
    sup_averageMinutes: "Minuten im Schnitt", sup_withinRecommended: "in der Empfehlung", sup_recommended: "empfohlen (Minuten)",
    sup_regularity: "Regelmäßigkeit", sup_kind_day: "täglich", sup_kind_week: "wöchentlich", sup_kind_quarter: "vierteljährlich",
    sup_kind_year: "jährlich", sup_byWeek: "Smoff-Time je Woche (Sitzungen / Minuten)", sup_week: "Woche", sup_weekN: "Woche {n}",
    sup_plans: "Pläne, nur ihr Umfang", sup_plansShared: "{day} Tagespläne und {week} Wochenpläne im Zeitraum.",
    sup_dayPlans: "Tagespläne", sup_dayPlanCharacters: "Zeichen der Tagespläne", sup_weekPlan: "Wochenplan",
    sup_weekPlanSize: "{characters} Zeichen, {lines} Zeilen", sup_none: "keiner", sup_yearPlans: "Jahrespläne",
    sup_yearPlan: "Jahr {year}: {characters} Zeichen, {lines} Zeilen", sup_noPlansShared: "Pläne sind nicht freigegeben und daher nicht im Fall.",
    sup_noPlans: "Keine Pläne im Zeitraum.", sup_question_h: "Frage", sup_notes_h: "Notizen", sup_exchange: "Austausch",
    sup_noMessages: "Noch keine Antwort.", sup_author_mentor: "Mentor", sup_author_supervisor: "Supervisor",
    sup_inWeek: "in Woche {n}", sup_followUp: "Nachfrage", sup_send: "Senden", sup_sent: "Gesendet.",
    sup_answer: "Ihre Antwort", sup_answerSend: "Antwort senden",
    sup_answerRules: "Nennen Sie niemanden: Antworten werden wie die Frage geprüft. Versuchen Sie nie, die Person zu erkennen.",
    sup_close: "Fall schließen", sup_closeWarning: "Der Supervisor kann den Fall dann nicht mehr lesen, und die Übersicht über die Planung wird gelöscht. Der Austausch wird 12 Monate später gelöscht.",
    sup_confirmClose: "Ja, schließen", sup_closed: "Der Fall ist geschlossen.", sup_back: "Zurück zur Übersicht",
    sup_watched: "Jedes Lesen eines Falls steht im Protokoll der betroffenen Person.",
    sup_supervisorTitle: "Meine Supervisionsfälle",
    sup_supervisorIntro: "Mentoren legen Ihnen hier pseudonymisierte Fälle vor. Sie sehen weder Namen noch Daten der Mentees, nur Fallnummern, relative Wochen, Dauer und Umfang.",
    sup_aboutMeTitle: "Supervision über mich",
    sup_aboutMeIntro: "Ihr Mentor kann Ihre Planung pseudonymisiert mit einem Supervisor besprechen: ohne Ihren Namen, ohne Daten, ohne die Texte Ihrer Pläne und Notizen, ohne Bilder und Nachrichten. Pseudonymisierte Daten sind trotzdem Ihre Daten: Hier sehen Sie jeden Fall, und Sie können widersprechen; der Fall endet dann sofort. Den Inhalt finden Sie in Ihrem Datenexport.",
    sup_noCasesAboutMe: "Ihre Planung wird in keiner Supervision besprochen.",
    sup_object: "Widersprechen", sup_objectWarning: "Der Fall wird sofort geschlossen; der Supervisor kann ihn nicht mehr lesen.",
    sup_confirmObject: "Ja, widersprechen", sup_objected: "Ihr Widerspruch ist eingegangen: Der Fall ist geschlossen.",
    sup_grantRights: "Supervisionsrechte geben", sup_withdrawRights: "Supervisionsrechte entziehen",
    sup_rightsGranted: "Supervisionsrechte gegeben.", sup_rightsWithdrawn: "Supervisionsrechte entzogen; offene Fälle sind geschlossen.",
    what_supervision_case: "Ihre Planung (pseudonymisiert) in einem Supervisionsfall",
    sup_logOpened: "Fall {case}: mit {supervisor} besprochen, pseudonymisiert",
    sup_logRead: "Fall {case} des Mentors {mentor}, pseudonymisiert",
    "act_view_supervision-case": "Sie haben einen Supervisionsfall eröffnet oder gelesen.",
    "act_create_supervision-message": "Sie haben in einem Supervisionsfall geschrieben.",
    "act_update_supervision-case": "Sie haben einen Supervisionsfall geschlossen.",
    "act_revoke_supervision-case": "Sie haben einem Supervisionsfall widersprochen.",
    "act_grant_supervisor-rights": "Sie haben Supervisionsrechte gegeben.",
    "act_revoke_supervisor-rights": "Sie haben Supervisionsrechte entzogen.",
    "nt_ev_case-opened": "Ihnen wurde ein Supervisionsfall vorgelegt.", "nt_ev_case-message": "In einem Supervisionsfall gibt es eine neue Nachricht.",
    "nt_ev_case-answered": "Ihr Supervisionsfall wurde beantwortet.", "nt_ev_case-closed": "Ein Supervisionsfall wurde geschlossen.",
    "md_store_supervision-cases": "Supervision",
    "md_storeText_supervision-cases": "Supervisionsfälle über Ihre Planung (pseudonymisiert), oder die Sie als Mentor eröffnet oder als Supervisor beantwortet haben.",
    "act_what_supervision-case": "ein Supervisionsfall", "act_what_supervision-message": "eine Nachricht in einem Supervisionsfall",
    "act_what_supervisor-rights": "Supervisionsrechte",
    "nt_ev_supervisor-rights": "Sie haben Supervisionsrechte erhalten.", "nt_ev_supervisor-rights-withdrawn": "Ihre Supervisionsrechte wurden entzogen."
  },
  en: {
    sup_mentorMenu: "Supervision", sup_supervisorMenu: "My supervision cases", sup_aboutMeMenu: "Supervision about me",
    sup_mentorTitle: "Supervision: discuss cases",
    sup_mentorIntro: "Discuss a mentee's planning with an experienced colleague. The case is pseudonymised: it carries a case number instead of the name, shows weeks relative to its opening instead of dates, Smoff-Time as duration and regularity and plans only by their size, never their text, no pictures and no messages.",
    sup_mentorRules: "Your question and notes are checked before they are shared: if they name the mentee's nickname or e-mail address, any e-mail address or id, or the nickname of another account, they are refused. Describe the person instead of naming them.",
    sup_menteeSees: "The mentee sees under “Supervision about me” that her planning is discussed (with whom and since when) and can object; the case then ends.",
    sup_newCase: "Open a new case", sup_mentee: "Mentee", sup_supervisor: "Supervisor's nickname",
    sup_weeks: "Period", sup_weeksOption: "the last {weeks} weeks", sup_question: "Your question", sup_notes: "Notes (optional)",
    sup_open: "Open the case", sup_opened: "The case is open.", sup_noMentees: "Nobody lets you see their data at the moment; without a grant there is no case.",
    sup_myCases: "My cases", sup_noCases: "No cases yet.", sup_noOpenCases: "No open case has been brought to you at the moment.",
    sup_case: "Case {label}", sup_status_open: "open", sup_status_closed: "closed",
    "sup_reason_closed-by-mentor": "closed by the mentor", sup_reason_objection: "closed after the mentee objected",
    "sup_reason_supervisor-rights-withdrawn": "closed because the supervisor rights were withdrawn",
    sup_about: "about {mentee}", sup_with: "with {supervisor}", sup_from: "from {mentor}", sup_openedOn: "opened on {when}",
    sup_closedOn: "closed on {when}",
    sup_planning: "The planning, pseudonymised", sup_planningClosed: "The case is closed: the overview of the planning is deleted.",
    sup_span: "{weeks} weeks: week {from} to week 0, the week the case was opened.",
    sup_smoffTime: "Smoff-Time by kind", sup_kind: "Kind", sup_sessions: "Sessions", sup_totalMinutes: "Minutes in total",
    sup_averageMinutes: "Average minutes", sup_withinRecommended: "within the recommendation", sup_recommended: "recommended (minutes)",
    sup_regularity: "Regularity", sup_kind_day: "daily", sup_kind_week: "weekly", sup_kind_quarter: "quarterly",
    sup_kind_year: "yearly", sup_byWeek: "Smoff-Time per week (sessions / minutes)", sup_week: "Week", sup_weekN: "Week {n}",
    sup_plans: "Plans, only their size", sup_plansShared: "{day} day plans and {week} week plans in the period.",
    sup_dayPlans: "Day plans", sup_dayPlanCharacters: "Characters of the day plans", sup_weekPlan: "Week plan",
    sup_weekPlanSize: "{characters} characters, {lines} lines", sup_none: "none", sup_yearPlans: "Year plans",
    sup_yearPlan: "Year {year}: {characters} characters, {lines} lines", sup_noPlansShared: "Plans are not shared and so not in the case.",
    sup_noPlans: "No plans in the period.", sup_question_h: "Question", sup_notes_h: "Notes", sup_exchange: "Exchange",
    sup_noMessages: "No answer yet.", sup_author_mentor: "Mentor", sup_author_supervisor: "Supervisor",
    sup_inWeek: "in week {n}", sup_followUp: "Follow-up", sup_send: "Send", sup_sent: "Sent.",
    sup_answer: "Your answer", sup_answerSend: "Send the answer",
    sup_answerRules: "Name nobody: answers are checked like the question. Never try to recognise the person.",
    sup_close: "Close the case", sup_closeWarning: "The supervisor can then no longer read the case, and the overview of the planning is deleted. The exchange is deleted 12 months later.",
    sup_confirmClose: "Yes, close it", sup_closed: "The case is closed.", sup_back: "Back to the overview",
    sup_watched: "Every read of a case is in the log of the person concerned.",
    sup_supervisorTitle: "My supervision cases",
    sup_supervisorIntro: "Mentors bring pseudonymised cases to you here. You see neither names nor dates of the mentees, only case numbers, relative weeks, durations and sizes.",
    sup_aboutMeTitle: "Supervision about me",
    sup_aboutMeIntro: "Your mentor can discuss your planning with a supervisor, pseudonymised: without your name, without dates, without the texts of your plans and notes, without pictures and messages. Pseudonymised data is still your data: here you see every case, and you can object; the case then ends at once. Its content is in your data export.",
    sup_noCasesAboutMe: "Your planning is not discussed in any supervision.",
    sup_object: "Object", sup_objectWarning: "The case closes at once; the supervisor can no longer read it.",
    sup_confirmObject: "Yes, object", sup_objected: "Your objection is in: the case is closed.",
    sup_grantRights: "Give supervisor rights", sup_withdrawRights: "Withdraw supervisor rights",
    sup_rightsGranted: "Supervisor rights given.", sup_rightsWithdrawn: "Supervisor rights withdrawn; open cases are closed.",
    what_supervision_case: "your planning (pseudonymised) in a supervision case",
    sup_logOpened: "case {case}: discussed with {supervisor}, pseudonymised",
    sup_logRead: "case {case} of the mentor {mentor}, pseudonymised",
    "act_view_supervision-case": "You opened or read a supervision case.",
    "act_create_supervision-message": "You wrote in a supervision case.",
    "act_update_supervision-case": "You closed a supervision case.",
    "act_revoke_supervision-case": "You objected to a supervision case.",
    "act_grant_supervisor-rights": "You gave supervisor rights.",
    "act_revoke_supervisor-rights": "You withdrew supervisor rights.",
    "nt_ev_case-opened": "A supervision case was brought to you.", "nt_ev_case-message": "There is a new message in a supervision case.",
    "nt_ev_case-answered": "Your supervision case was answered.", "nt_ev_case-closed": "A supervision case was closed.",
    "md_store_supervision-cases": "Supervision",
    "md_storeText_supervision-cases": "Supervision cases about your planning (pseudonymised), or that you opened as mentor or answered as supervisor.",
    "act_what_supervision-case": "a supervision case", "act_what_supervision-message": "a message in a supervision case",
    "act_what_supervisor-rights": "supervisor rights",
    "nt_ev_supervisor-rights": "You were given supervisor rights.", "nt_ev_supervisor-rights-withdrawn": "Your supervisor rights were withdrawn."
  }
});

ACTIVITY_PAGES["/api/me/supervision"] = "sup_aboutMeMenu";

/** A relative week in words: "Woche −2" (0 is the week the case was opened). */
function supWeek(n) {
  return textWith("sup_weekN", { n: n === 0 ? "0" : String(n).replace("-", "−") });
}

function supPercent(share) {
  return Math.round(share * 100).toLocaleString(dateLocale()) + " %";
}

function supNumber(value) {
  return Number(value).toLocaleString(dateLocale(), { maximumFractionDigits: 1 });
}

/** A table with a caption, column headers and one header cell per row. */
function supTable(id, caption, headers, rows) {
  return el("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": caption }, el("table", { id },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, ...headers.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, ...rows.map(([head, ...cells]) => el("tr", {}, el("th", { scope: "row" }, head), ...cells.map((c) => el("td", {}, c)))))));
}

const SUP_KINDS = ["day", "week", "quarter", "year"];

/** The pseudonymised planning of a case: Smoff-Time by kind and week, plans by size. */
function supPlanning(planning) {
  if (!planning) { return el("p", { class: "hint", id: "case-planning-closed" }, t("sup_planningClosed")); }
  const parts = [el("p", { class: "hint" }, textWith("sup_span", { weeks: planning.weeks, from: String(planning.fromWeek).replace("-", "−") }))];
  if (planning.smoffTime) {
    const kinds = planning.smoffTime.kinds;
    parts.push(supTable("case-smoff-kinds", t("sup_smoffTime"),
      [t("sup_kind"), t("sup_sessions"), t("sup_totalMinutes"), t("sup_averageMinutes"), t("sup_withinRecommended"), t("sup_recommended"), t("sup_regularity")],
      SUP_KINDS.map((kind) => [t("sup_kind_" + kind), kinds[kind].sessions, kinds[kind].totalMinutes, supNumber(kinds[kind].averageMinutes),
        supPercent(kinds[kind].withinRecommended), kinds[kind].recommendedMinutes.replace("-", "–"), supPercent(kinds[kind].regularity)])));
    parts.push(supTable("case-smoff-weeks", t("sup_byWeek"), [t("sup_week"), ...SUP_KINDS.map((kind) => t("sup_kind_" + kind))],
      planning.smoffTime.byWeek.map((row) => [supWeek(row.week),
        ...SUP_KINDS.map((kind) => row.kinds[kind].sessions + " / " + row.kinds[kind].minutes)])));
  }
  if (planning.plans) {
    const plans = planning.plans;
    parts.push(el("h3", {}, t("sup_plans")), el("p", {}, textWith("sup_plansShared", { day: plans.dayPlans, week: plans.weekPlans })));
    if (plans.byWeek.length === 0 && plans.yearPlans.length === 0) {
      parts.push(el("p", { class: "hint" }, t("sup_noPlans")));
    }
    if (plans.byWeek.length > 0) {
      parts.push(supTable("case-plans", t("sup_plans"), [t("sup_week"), t("sup_dayPlans"), t("sup_dayPlanCharacters"), t("sup_weekPlan")],
        plans.byWeek.map((row) => [supWeek(row.week), row.dayPlans, row.dayPlanCharacters,
          row.weekPlan ? textWith("sup_weekPlanSize", { characters: row.weekPlanCharacters, lines: row.weekPlanLines }) : t("sup_none")])));
    }
    if (plans.yearPlans.length > 0) {
      parts.push(el("h3", {}, t("sup_yearPlans")), el("ul", { id: "case-year-plans" }, ...plans.yearPlans.map((year) =>
        el("li", {}, textWith("sup_yearPlan", { year: year.year > 0 ? "+" + year.year : String(year.year).replace("-", "−"),
          characters: year.characters, lines: year.lines })))));
    }
  } else {
    parts.push(el("p", { class: "hint", id: "case-no-plans" }, t("sup_noPlansShared")));
  }
  return el("div", { id: "case-planning" }, ...parts);
}

function supStatusLine(c) {
  const status = [t("sup_status_" + c.status)];
  if (c.closeReason) { status.push(t("sup_reason_" + c.closeReason)); }
  return status.join(", ");
}

/** The exchange of a case, oldest first. */
function supMessages(messages) {
  if (messages.length === 0) { return el("p", { class: "hint", id: "case-no-messages" }, t("sup_noMessages")); }
  return el("ol", { class: "plain", id: "case-messages" }, ...messages.map((m) => el("li", { class: "card case-message", "data-from": m.from },
    el("p", { class: "hint" }, t("sup_author_" + m.from) + " · " + textWith("sup_inWeek", { n: String(m.week) })),
    el("p", { class: "plan-text" }, m.text))));
}

/** A text form that posts to `path` and re-renders the page. */
function supTextForm(id, labelKey, buttonKey, hintKey, path) {
  const area = el("textarea", { id: id + "-text", rows: 4, maxlength: 4000, required: true, "aria-describedby": hintKey ? id + "-hint" : false });
  const form = el("form", { class: "card", id, novalidate: true }, el("label", { for: area.id }, t(labelKey)), area,
    hintKey ? el("p", { class: "hint", id: id + "-hint" }, t(hintKey)) : null, el("button", { type: "submit" }, t(buttonKey)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", path, { text: area.value });
      await route();
      message(t("sup_sent"));
    } catch (error) { failed(error); }
  });
  return form;
}

/** A button that asks once more before it acts (closing a case, objecting). */
function supConfirmButton(id, labelKey, warningKey, confirmKey, act) {
  const holder = el("div", { class: "actions", id: id + "-actions" });
  const start = el("button", { type: "button", class: "secondary", id }, t(labelKey));
  start.addEventListener("click", () => {
    const yes = el("button", { type: "button", class: "danger", id: id + "-confirm", "aria-describedby": id + "-warning" }, t(confirmKey));
    const no = el("button", { type: "button", class: "secondary" }, t("cancel"));
    yes.addEventListener("click", async () => {
      try { await act(); } catch (error) { failed(error); }
    });
    no.addEventListener("click", () => {
      holder.replaceChildren(start);
      start.focus();
    });
    holder.replaceChildren(el("p", { class: "warning", id: id + "-warning" }, t(warningKey)), yes, no);
    yes.focus();
  });
  holder.append(start);
  return holder;
}

/** A case as its page shows it; `forMentor` adds whom it is about and when it was opened, and the mentor's actions. */
function supCasePage(main, c, forMentor) {
  const base = forMentor ? "/api/mentor/cases/" : "/api/supervisor/cases/";
  const lines = [supStatusLine(c), forMentor ? textWith("sup_about", { mentee: c.mentee }) : textWith("sup_from", { mentor: c.mentor }),
    textWith("sup_with", { supervisor: c.supervisor })];
  if (forMentor && c.openedAt) { lines.push(textWith("sup_openedOn", { when: when(c.openedAt) })); }
  const sections = [
    el("h1", {}, textWith("sup_case", { label: c.label })),
    el("p", { class: "card", id: "case-summary", "data-status": c.status }, lines.join(" · ")),
    el("p", { class: "hint" }, t("sup_watched")),
    el("section", { "aria-labelledby": "case-question-title" }, el("h2", { id: "case-question-title" }, t("sup_question_h")),
      el("p", { class: "plan-text", id: "case-question" }, c.question),
      c.notes ? el("h3", {}, t("sup_notes_h")) : null, c.notes ? el("p", { class: "plan-text", id: "case-notes" }, c.notes) : null),
    el("section", { "aria-labelledby": "case-planning-title" }, el("h2", { id: "case-planning-title" }, t("sup_planning")),
      supPlanning(c.pseudonymisedPlanning)),
    el("section", { "aria-labelledby": "case-exchange-title" }, el("h2", { id: "case-exchange-title" }, t("sup_exchange")),
      supMessages(c.messages))];
  if (c.status === "open") {
    if (forMentor) {
      sections.push(supTextForm("case-follow-up", "sup_followUp", "sup_send", "sup_mentorRules", base + encodeURIComponent(c.id) + "/messages"),
        supConfirmButton("case-close", "sup_close", "sup_closeWarning", "sup_confirmClose", async () => {
          await api("POST", base + encodeURIComponent(c.id) + "/close");
          await route();
          message(t("sup_closed"));
        }));
    } else {
      sections.push(supTextForm("case-answer", "sup_answer", "sup_answerSend", "sup_answerRules", base + encodeURIComponent(c.id) + "/answers"));
    }
  }
  sections.push(el("p", {}, el("a", { href: forMentor ? "#/cases" : "#/supervision" }, t("sup_back"))));
  fill(main, ...sections);
}

/** One case in a list, linked to its page when there is one. */
function supCaseItem(c, href, extra) {
  const title = href ? el("a", { href, class: "case-label" }, textWith("sup_case", { label: c.label }))
    : el("strong", { class: "case-label" }, textWith("sup_case", { label: c.label }));
  return el("li", { class: "card case", id: "case-" + c.id, "data-status": c.status, "data-label": c.label },
    title, el("p", {}, extra.join(" · ")), el("p", { class: "hint" }, supStatusLine(c)));
}

// ---- The mentor ---------------------------------------------------------------------------------

page("/cases", ["mentor"], "sup_mentorMenu", async (main) => {
  const [mine, mentees] = await Promise.all([api("GET", "/api/mentor/cases"), api("GET", "/api/mentees")]);
  const active = mentees.mentees.filter((grant) => grant.status === "active");
  const list = mine.cases.length === 0 ? el("p", { id: "no-cases" }, t("sup_noCases"))
    : el("ul", { class: "plain", id: "mentor-cases" }, ...mine.cases.map((c) => supCaseItem(c, "#/cases/" + encodeURIComponent(c.id),
      [textWith("sup_about", { mentee: c.mentee }), textWith("sup_with", { supervisor: c.supervisor }), textWith("sup_openedOn", { when: when(c.openedAt) })])));
  let form;
  if (active.length === 0) {
    form = el("p", { class: "hint", id: "case-no-mentees" }, t("sup_noMentees"));
  } else {
    const mentee = el("select", { id: "case-mentee", required: true },
      ...[...new Map(active.map((grant) => [grant.personId, grant.nickname])).entries()].map(([id, nickname]) => el("option", { value: id }, nickname)));
    const supervisor = el("input", { id: "case-supervisor", type: "text", maxlength: 40, autocomplete: "off", required: true });
    const weeks = el("select", { id: "case-weeks" }, ...[4, 8, 12, 26].map((n) => el("option", { value: n, selected: n === 12 }, textWith("sup_weeksOption", { weeks: n }))));
    const question = el("textarea", { id: "case-question-text", rows: 5, maxlength: 4000, required: true, "aria-describedby": "case-rules" });
    const notes = el("textarea", { id: "case-notes-text", rows: 3, maxlength: 4000, "aria-describedby": "case-rules" });
    form = el("form", { class: "card", id: "case-form", novalidate: true },
      el("h2", {}, t("sup_newCase")),
      ...field("case-mentee", "sup_mentee", mentee), ...field("case-supervisor", "sup_supervisor", supervisor),
      ...field("case-weeks", "sup_weeks", weeks), ...field("case-question-text", "sup_question", question),
      ...field("case-notes-text", "sup_notes", notes),
      el("p", { class: "hint", id: "case-rules" }, t("sup_mentorRules")),
      el("button", { type: "submit" }, t("sup_open")));
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        const opened = await api("POST", "/api/mentor/cases", { mentee: mentee.value, supervisor: supervisor.value, question: question.value,
          notes: notes.value || null, weeks: Number(weeks.value) });
        location.hash = "#/cases/" + encodeURIComponent(opened.id);
        message(t("sup_opened"));
      } catch (error) { failed(error); }
    });
  }
  fill(main, el("h1", {}, t("sup_mentorTitle")), el("p", {}, t("sup_mentorIntro")), el("p", { class: "hint" }, t("sup_menteeSees")),
    form, el("h2", {}, t("sup_myCases")), list);
});

page("/cases/:id", ["mentor"], null, async (main, params) => {
  supCasePage(main, await api("GET", "/api/mentor/cases/" + encodeURIComponent(params.id)), true);
});

// ---- The supervisor -----------------------------------------------------------------------------

page("/supervision", ["supervisor"], "sup_supervisorMenu", async (main) => {
  const mine = await api("GET", "/api/supervisor/cases");
  fill(main, el("h1", {}, t("sup_supervisorTitle")), el("p", {}, t("sup_supervisorIntro")), el("p", { class: "hint" }, t("sup_watched")),
    mine.cases.length === 0 ? el("p", { id: "no-cases" }, t("sup_noOpenCases"))
      : el("ul", { class: "plain", id: "supervisor-cases" }, ...mine.cases.map((c) => supCaseItem(c, "#/supervision/" + encodeURIComponent(c.id),
        [textWith("sup_from", { mentor: c.mentor })]))));
});

page("/supervision/:id", ["supervisor"], null, async (main, params) => {
  supCasePage(main, await api("GET", "/api/supervisor/cases/" + encodeURIComponent(params.id)), false);
});

// ---- The mentee ---------------------------------------------------------------------------------

page("/my-supervision", ["mentee"], "sup_aboutMeMenu", async (main) => {
  const mine = await api("GET", "/api/me/supervision");
  const items = mine.cases.map((c) => {
    const extra = [textWith("sup_from", { mentor: c.mentor }), textWith("sup_with", { supervisor: c.supervisor }),
      textWith("sup_openedOn", { when: when(c.openedAt) })];
    if (c.closedAt) { extra.push(textWith("sup_closedOn", { when: when(c.closedAt) })); }
    const item = supCaseItem(c, null, extra);
    if (c.status === "open") {
      item.append(supConfirmButton("object-" + c.id, "sup_object", "sup_objectWarning", "sup_confirmObject", async () => {
        await api("POST", "/api/me/supervision/" + encodeURIComponent(c.id) + "/objection");
        await route();
        message(t("sup_objected"));
      }));
    }
    return item;
  });
  fill(main, el("h1", {}, t("sup_aboutMeTitle")), el("p", {}, t("sup_aboutMeIntro")),
    items.length === 0 ? el("p", { id: "no-cases" }, t("sup_noCasesAboutMe")) : el("ul", { class: "plain", id: "cases-about-me" }, ...items));
});

/** In "who viewed my data": which case, and with whom it was discussed. */
function supAccessLogDetail(view) {
  if (view.what !== "supervision-case" || !view.case) { return null; }
  return el("span", { class: "hint case-detail" }, " — " + (view.supervisor ? textWith("sup_logOpened", { case: view.case, supervisor: view.supervisor })
    : textWith("sup_logRead", { case: view.case, mentor: view.mentor })));
}

// ---- The operator -------------------------------------------------------------------------------

/** The operator's button beside an account: give or withdraw supervisor rights. */
function supervisorRightsButton(account, replaceWith) {
  const has = account.roles.includes("supervisor");
  const button = el("button", { type: "button", class: "secondary", "data-action": has ? "withdraw-supervisor" : "grant-supervisor" },
    t(has ? "sup_withdrawRights" : "sup_grantRights"));
  button.addEventListener("click", async () => {
    try {
      const updated = await api(has ? "DELETE" : "PUT", "/api/operator/supervisors/" + encodeURIComponent(account.id));
      replaceWith(updated, t(has ? "sup_rightsWithdrawn" : "sup_rightsGranted"));
    } catch (error) { failed(error); }
  });
  return button;
}
