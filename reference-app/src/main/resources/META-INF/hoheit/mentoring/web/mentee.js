// Smoffen web console: the mentee's own pages (Smoff-Time, plans, pictures, mentors, what employers see).
"use strict";

addText({
  de: {
    smoffTime: "Smoff-Time", smoffTitle: "Meine Smoff-Time", kind: "Art", date: "Datum", minutes: "Minuten", note: "Notiz (freiwillig)", noteColumn: "Notiz",
    st_delete: "Löschen", st_confirmDelete: "Ja, Eintrag löschen", st_deleted: "Der Eintrag ist gelöscht.", st_actions: "Aktionen",
    day: "Tag", week: "Woche", quarter: "Quartal", year: "Jahr",
    chartTitle: "Tagesplanung der letzten 14 Tage (Minuten)", st_recommendedRange: "empfohlen: {min} bis {max} Minuten", noEntries: "Noch keine Einträge.", st_older: "Ältere Einträge anzeigen",
    mentors: "Meine Mentoren",
    mentorsIntro: "Sie entscheiden, wer Ihr Mentor ist. Sie können jeden Mentor jederzeit abberufen; der Zugriff endet sofort.",
    noMentors: "Sie haben keine Mentoren.", accept: "Annehmen", decline: "Ablehnen", revoke: "Abberufen",
    status_pending: "wartet auf Ihre Zustimmung", status_active: "aktiv", status_declined: "abgelehnt", status_revoked: "abberufen", status_expired: "abgelaufen",
    origin_self: "von Ihnen eingeladen", "origin_assigned-by-operator": "vom Betreiber zugewiesen", "origin_requested-by-grantee": "angefragt",
    scope_mentor: "sieht Ihre Smoff-Time, Pläne und Bilder", "scope_smoff-time-mentor": "sieht nur Ihre Smoff-Time",
    st_view: "Grafik anzeigen", st_perDay: "pro Tag (letzte 14 Tage)", st_perWeek: "pro Woche (letzte 12 Wochen)",
    st_weekChartTitle: "Wochenplanung der letzten 12 Wochen (Minuten)", st_weekShort: "KW",
    st_daySummary: "Zusammen {total} Minuten in 14 Tagen, im Schnitt {average} Minuten pro Tag.",
    st_weekSummary: "Zusammen {total} Minuten in 12 Wochen, im Schnitt {average} Minuten pro Woche.",
    pl_menu: "Pläne", pl_title: "Meine Pläne",
    pl_intro: "Ein Plan pro Tag, pro Woche und pro Jahr. Wählen Sie die Art: Sie beginnen beim heutigen Tag, der laufenden Woche oder dem laufenden Jahr und können jeden anderen Zeitraum wählen.",
    pl_kind: "Art des Plans", pl_period: "Zeitraum", pl_text: "Plan", pl_save: "Plan speichern", pl_saved: "Der Plan ist gespeichert.",
    pl_dayFor: "Tagesplan für {period}", pl_weekFor: "Wochenplan für {period}", pl_yearFor: "Jahresplan für {period}",
    pl_new: "Für diesen Zeitraum gibt es noch keinen Plan.", pl_lastSaved: "Zuletzt gespeichert",
    pl_badPeriod: "Bitte wählen Sie einen gültigen Zeitraum, zum Beispiel {example}.", pl_empty: "Bitte schreiben Sie Ihren Plan.",
    pl_saved_title: "Gespeicherte Pläne", pl_none: "Sie haben noch keine Pläne gespeichert.",
    pl_days: "Tagespläne", pl_weeks: "Wochenpläne", pl_years: "Jahrespläne", pl_edit: "Bearbeiten",
    pl_weekLabel: "KW {week}/{year} ({from} bis {to})",
    pic_menu: "Bilder", pic_title: "Meine Bilder",
    pic_intro: "Fotos Ihrer Planungsbögen auf Papier. JPEG oder PNG, höchstens 10 MB. Smoffen speichert jedes Bild neu und entfernt dabei alle Zusatzangaben wie Ort, Kamera und Aufnahmezeit.",
    pic_file: "Bild auswählen (JPEG oder PNG, höchstens 10 MB)", pic_upload: "Hochladen", pic_uploaded: "Das Bild ist gespeichert.",
    pic_choose: "Bitte wählen Sie zuerst ein Bild aus.", pic_notImage: "Diese Datei ist kein JPEG- oder PNG-Bild. Bitte wählen Sie ein Foto im Format JPEG oder PNG.",
    pic_tooLarge: "Diese Datei ist größer als 10 MB. Bitte wählen Sie ein kleineres Bild.",
    pic_unreadable: "Dieses Bild lässt sich nicht lesen; es ist beschädigt oder zu groß (mehr als 40 Millionen Pixel).",
    pic_none: "Sie haben noch keine Bilder hochgeladen.", pic_alt: "Ihr Bild vom {date}", pic_pixels: "{width} × {height} Pixel",
    pic_delete: "Löschen", pic_confirm: "Ja, Bild löschen", pic_really: "Dieses Bild wird endgültig gelöscht.", pic_deleted: "Das Bild ist gelöscht.",
    inv_title: "Einen Mentor einladen",
    inv_intro: "Die Einladung gilt sofort: Der Mentor sieht ab dann, was Sie hier freigeben. Sie können ihn jederzeit abberufen. Nur Personen mit Mentorenrechten (vom Betreiber vergeben) können Mentor sein.",
    inv_nickname: "Spitzname des Mentors", inv_scope: "Was darf der Mentor sehen?",
    inv_scopeSmoff: "Nur meine Smoff-Time: Art, Datum, Dauer und Notizen meiner Planungszeiten",
    inv_scopeAll: "Alles: meine Smoff-Time, meine Pläne und meine Bilder",
    inv_send: "Einladen", inv_done: "{nickname} ist jetzt Ihr Mentor.",
    ev_menu: "Was Arbeitgeber sehen", ev_title: "Was Ihre Arbeitgeber sehen",
    ev_intro: "Arbeitgeber, mit denen Sie verknüpft sind, sehen nur die Bewertung unten: nie Ihre Einträge, Notizen, Pläne, Bilder oder Nachrichten. Jeder Abruf wird protokolliert und erscheint unter „Wer hat meine Daten gesehen“.",
    ev_employers: "Meine Arbeitgeber", ev_noEmployers: "Sie sind mit keinem Arbeitgeber verknüpft. Niemand sieht diese Bewertung.",
    ev_courses: "Meine Kurse", ev_noCourses: "Sie nehmen an keinem Kurs teil.",
    ev_assessment: "Die Bewertung, genau so wie Arbeitgeber sie sehen",
    dy_title: "Ihre tägliche Planung", dy_doneToday: "Heute erledigt", dy_openToday: "Heute noch offen",
    dy_doneHint: "Ihre Tagesplanung für heute ist eingetragen.", dy_openHint: "Für heute ist noch keine Tagesplanung eingetragen.",
    dy_streak: "{days} Tage in Folge", dy_streakOne: "1 Tag in Folge", dy_streakNone: "Noch keine Serie",
    dy_streakHint: "Tage hintereinander mit einer Tagesplanung, nach Ihrem Kalender.",
    dy_minutes: "Dauer dieser Planung in Minuten (freiwillig, für Ihre Smoff-Time)",
    dy_minutesHint: "Tragen Sie die Minuten ein, dann speichert ein Klick den Plan und die Planungszeit zusammen.",
    dy_saveBoth: "Plan und Smoff-Time speichern", dy_savedBoth: "Der Plan und {minutes} Minuten Smoff-Time sind gespeichert.",
    dy_badMinutes: "Bitte geben Sie die Minuten als ganze Zahl von 1 bis 600 an, oder lassen Sie das Feld leer.",
    dy_already: "Für diesen Tag ist schon Smoff-Time eingetragen: {minutes} Minuten.",
  },
  en: {
    smoffTime: "Smoff-Time", smoffTitle: "My Smoff-Time", kind: "Kind", date: "Date", minutes: "Minutes", note: "Note (optional)", noteColumn: "Note",
    st_delete: "Delete", st_confirmDelete: "Yes, delete the entry", st_deleted: "The entry is deleted.", st_actions: "Actions",
    day: "Day", week: "Week", quarter: "Quarter", year: "Year",
    chartTitle: "Daily planning of the last 14 days (minutes)", st_recommendedRange: "recommended: {min} to {max} minutes", noEntries: "No entries yet.", st_older: "Show older entries",
    mentors: "My mentors",
    mentorsIntro: "You decide who your mentor is. You can revoke any mentor at any time; access ends at once.",
    noMentors: "You have no mentors.", accept: "Accept", decline: "Decline", revoke: "Revoke",
    status_pending: "waiting for your consent", status_active: "active", status_declined: "declined", status_revoked: "revoked", status_expired: "expired",
    origin_self: "invited by you", "origin_assigned-by-operator": "assigned by the operator", "origin_requested-by-grantee": "requested",
    scope_mentor: "sees your Smoff-Time, plans and pictures", "scope_smoff-time-mentor": "sees your Smoff-Time only",
    st_view: "Show the chart", st_perDay: "per day (last 14 days)", st_perWeek: "per week (last 12 weeks)",
    st_weekChartTitle: "Weekly planning of the last 12 weeks (minutes)", st_weekShort: "W",
    st_daySummary: "{total} minutes in 14 days together, {average} minutes per day on average.",
    st_weekSummary: "{total} minutes in 12 weeks together, {average} minutes per week on average.",
    pl_menu: "Plans", pl_title: "My plans",
    pl_intro: "One plan per day, per week and per year. Choose the kind: you start at today, this week or this year, and can pick any other period.",
    pl_kind: "Kind of plan", pl_period: "Period", pl_text: "Plan", pl_save: "Save plan", pl_saved: "The plan is saved.",
    pl_dayFor: "Day plan for {period}", pl_weekFor: "Week plan for {period}", pl_yearFor: "Year plan for {period}",
    pl_new: "There is no plan for this period yet.", pl_lastSaved: "Last saved",
    pl_badPeriod: "Please choose a valid period, for example {example}.", pl_empty: "Please write your plan.",
    pl_saved_title: "Saved plans", pl_none: "You have not saved any plans yet.",
    pl_days: "Day plans", pl_weeks: "Week plans", pl_years: "Year plans", pl_edit: "Edit",
    pl_weekLabel: "Week {week} of {year} ({from} to {to})",
    pic_menu: "Pictures", pic_title: "My pictures",
    pic_intro: "Photos of your paper planning sheets. JPEG or PNG, at most 10 MB. Smoffen stores every picture anew and removes all extra data such as place, camera and time taken.",
    pic_file: "Choose a picture (JPEG or PNG, at most 10 MB)", pic_upload: "Upload", pic_uploaded: "The picture is stored.",
    pic_choose: "Please choose a picture first.", pic_notImage: "This file is not a JPEG or PNG picture. Please choose a photo in JPEG or PNG format.",
    pic_tooLarge: "This file is larger than 10 MB. Please choose a smaller picture.",
    pic_unreadable: "This picture cannot be read; it is damaged or too large (more than 40 million pixels).",
    pic_none: "You have not uploaded any pictures yet.", pic_alt: "Your picture of {date}", pic_pixels: "{width} × {height} pixels",
    pic_delete: "Delete", pic_confirm: "Yes, delete the picture", pic_really: "This picture will be deleted for good.", pic_deleted: "The picture is deleted.",
    inv_title: "Invite a mentor",
    inv_intro: "The invitation applies at once: from then on the mentor sees what you share here. You can revoke the mentor at any time. Only people with mentor rights (given by the operator) can be mentors.",
    inv_nickname: "The mentor's nickname", inv_scope: "What may the mentor see?",
    inv_scopeSmoff: "My Smoff-Time only: kind, date, duration and notes of my planning times",
    inv_scopeAll: "Everything: my Smoff-Time, my plans and my pictures",
    inv_send: "Invite", inv_done: "{nickname} is your mentor now.",
    ev_menu: "What employers see", ev_title: "What your employers see",
    ev_intro: "Employers you are linked to see the assessment below only: never your entries, notes, plans, pictures or messages. Every look is logged and shows under ‘Who viewed my data’.",
    ev_employers: "My employers", ev_noEmployers: "You are not linked to any employer. Nobody sees this assessment.",
    ev_courses: "My courses", ev_noCourses: "You take part in no course.",
    ev_assessment: "The assessment, exactly as employers see it",
    dy_title: "Your daily planning", dy_doneToday: "Done today", dy_openToday: "Not done yet today",
    dy_doneHint: "Your daily planning for today is recorded.", dy_openHint: "No daily planning is recorded for today yet.",
    dy_streak: "{days} days in a row", dy_streakOne: "1 day in a row", dy_streakNone: "No streak yet",
    dy_streakHint: "Days one after another with a daily planning, by your own calendar.",
    dy_minutes: "Minutes this planning took (optional, for your Smoff-Time)",
    dy_minutesHint: "Enter the minutes, and one click saves the plan and the planning time together.",
    dy_saveBoth: "Save plan and Smoff-Time", dy_savedBoth: "The plan and {minutes} minutes of Smoff-Time are saved.",
    dy_badMinutes: "Please give the minutes as a whole number from 1 to 600, or leave the field empty.",
    dy_already: "Smoff-Time is already recorded for this day: {minutes} minutes.",
  }
});

function padTwo(n) { return String(n).padStart(2, "0"); }

/**
 * Today in the person's own calendar (her browser's time zone), as a calendar date at UTC midnight:
 * at 00:30 in Berlin it is already the new day, whatever the UTC date says.
 */
function localToday() {
  const now = new Date();
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** A calendar date (UTC midnight) as 2026-03-02. */
function isoDate(date) { return date.toISOString().slice(0, 10); }

/** The ISO week of a calendar date (UTC midnight), as 2026-W10. */
function isoWeek(date) {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  thursday.setUTCDate(thursday.getUTCDate() + 4 - (thursday.getUTCDay() || 7));
  const year = thursday.getUTCFullYear();
  const week = Math.ceil(((thursday - Date.UTC(year, 0, 1)) / 86400000 + 1) / 7);
  return year + "-W" + padTwo(week);
}

/** The Monday (UTC midnight) of an ISO week such as 2026-W10. */
function weekMonday(period) {
  const [year, week] = period.split("-W").map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return new Date(Date.UTC(year, 0, 4 - ((jan4.getUTCDay() || 7) - 1) + (week - 1) * 7));
}

/**
 * One bar per period with its minutes of planning time, over a minute axis and the recommended range
 * (a band: 4 to 10 minutes a day, 15 to 30 a week).
 */
function minutesChart(labels, titles, minutes, caption, view, recommended) {
  const chart = svg("svg", { class: "chart", viewBox: "0 -14 420 154", role: "img", "aria-label": caption + " ("
    + textWith("st_recommendedRange", { min: recommended[0], max: recommended[1] }) + ")", "data-view": view });
  const left = 30;
  const step = (416 - left) / labels.length;
  const width = Math.round(step * 0.76);
  const max = Math.max(recommended[1] + 2, ...minutes);
  const y = (value) => 110 - Math.round((value / max) * 100);
  chart.append(svg("rect", { class: "recommended", x: left, y: y(recommended[1]), width: 416 - left,
    height: y(recommended[0]) - y(recommended[1]) }, svg("title", {}, textWith("st_recommendedRange", { min: recommended[0], max: recommended[1] }))));
  for (const tick of [0, recommended[0], recommended[1], max].filter((v, i, all) => all.indexOf(v) === i)) {
    chart.append(svg("line", { class: "axis", x1: left - 3, x2: left, y1: y(tick), y2: y(tick) }));
    chart.append(svg("text", { class: "tick", x: left - 5, y: y(tick) + 3, "text-anchor": "end" }, String(tick)));
  }
  chart.append(svg("line", { class: "axis", x1: left, x2: left, y1: 10, y2: 110 }));
  minutes.forEach((value, i) => {
    const height = 110 - y(value);
    const x = Math.round(left + 2 + i * step);
    chart.append(svg("rect", { class: "bar", x, y: 110 - height, width, height }, svg("title", {}, titles[i] + ": " + value + " min")));
    if (value > 0) { chart.append(svg("text", { class: "value", x: x + width / 2, y: 107 - height, "text-anchor": "middle" }, String(value))); }
    chart.append(svg("text", { x: x + width / 2, y: 125, "text-anchor": "middle" }, labels[i]));
  });
  return chart;
}

/** A bar per day of the last 14 days: the minutes of the day's planning sessions (the weekly review is not one). */
function smoffChart(sessions) {
  const today = localToday();
  const days = [];
  for (let back = 13; back >= 0; back--) {
    days.push(isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back))));
  }
  const minutes = days.map((day) => sessions.filter((s) => s.kind === "day" && s.date === day).reduce((sum, s) => sum + s.minutes, 0));
  return { chart: minutesChart(days.map((day) => day.slice(8)), days, minutes, t("chartTitle"), "day", [4, 10]), minutes };
}

/** A bar per ISO week of the last 12 weeks (this week last): the minutes of that week's weekly sessions. */
function smoffWeekChart(sessions) {
  const today = localToday();
  const weeks = [];
  for (let back = 11; back >= 0; back--) {
    weeks.push(isoWeek(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - 7 * back))));
  }
  const minutes = weeks.map((week) => sessions.filter((s) => s.kind === "week" && isoWeek(new Date(s.date + "T00:00:00Z")) === week)
    .reduce((sum, s) => sum + s.minutes, 0));
  return { chart: minutesChart(weeks.map((week) => t("st_weekShort") + Number(week.slice(6))), weeks, minutes, t("st_weekChartTitle"),
    "week", [15, 30]), minutes };
}


/**
 * A table of Smoff-Time entries, newest first as the API returns them. With `onDelete` (the owner's
 * own page) each row can be deleted, after a confirmation, to correct a wrong entry.
 */
/**
 * The Smoff-Time entries as a table, newest first; {@code paging} ({ url, next }) adds a "show older"
 * button while the API names a next page.
 */
function smoffTable(sessions, onDelete, paging) {
  if (sessions.length === 0) { return el("p", { class: "hint" }, t("noEntries")); }
  const row = (s) => {
    const cells = [el("td", {}, s.date), el("td", {}, t(s.kind)), el("td", {}, String(s.minutes)), el("td", {}, s.note || "")];
    if (onDelete) {
      const actions = el("td", {});
      const remove = el("button", { type: "button", class: "secondary", "data-action": "delete" }, t("st_delete"));
      remove.addEventListener("click", () => {
        const yes = el("button", { type: "button", class: "danger", "data-action": "confirm" }, t("st_confirmDelete"));
        const no = el("button", { type: "button", class: "secondary" }, t("cancel"));
        yes.addEventListener("click", () => onDelete(s));
        no.addEventListener("click", () => actions.replaceChildren(remove));
        actions.replaceChildren(yes, no);
        yes.focus();
      });
      actions.append(remove);
      cells.push(actions);
    }
    return el("tr", { id: "session-" + s.id }, ...cells);
  };
  const body = el("tbody", {}, ...sessions.map(row));
  const table = el("table", { class: "sessions" },
    el("thead", {}, el("tr", {}, el("th", {}, t("date")), el("th", {}, t("kind")), el("th", {}, t("minutes")), el("th", {}, t("noteColumn")),
      onDelete ? el("th", {}, el("span", { class: "visually-hidden" }, t("st_actions"))) : null)),
    body);
  if (!paging || !paging.next) { return table; }
  // The API pages (at most 200 entries a page): older entries come a page at a time, appended below.
  let next = paging.next;
  const older = el("button", { type: "button", class: "secondary", id: "sessions-older" }, t("st_older"));
  older.addEventListener("click", async () => {
    try {
      const page = await api("GET", paging.url + (paging.url.includes("?") ? "&" : "?") + "cursor=" + encodeURIComponent(next));
      body.append(...page.sessions.map(row));
      next = page.next;
      if (!next) { older.remove(); }
    } catch (error) { failed(error); }
  });
  return el("div", {}, table, older);
}

/**
 * Consecutive days with a daily planning session up to today, in the person's own calendar. A day
 * not yet planned today does not break the streak until it is over: then it counts up to yesterday.
 */
function dailyStreak(sessions) {
  const planned = new Set(sessions.filter((s) => s.kind === "day").map((s) => s.date));
  const today = localToday();
  const day = (back) => isoDate(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back)));
  let back = planned.has(day(0)) ? 0 : 1;
  let days = 0;
  while (planned.has(day(back))) { days++; back++; }
  return { doneToday: planned.has(day(0)), days };
}

/** "Done today" and the streak, at the top of the mentee's Smoff-Time and plan pages. */
function dailyStatus(sessions) {
  const { doneToday, days } = dailyStreak(sessions);
  return el("section", { class: "card daily-status", id: "daily-status", "data-done": String(doneToday), "data-streak": String(days),
    "aria-labelledby": "daily-status-title" },
  el("h2", { id: "daily-status-title" }, t("dy_title")),
  el("p", { class: "daily-mark", id: "daily-done" }, el("span", { class: "mark", "aria-hidden": "true" }, doneToday ? "✓" : "○"), " ",
    el("strong", {}, t(doneToday ? "dy_doneToday" : "dy_openToday")), " — ", t(doneToday ? "dy_doneHint" : "dy_openHint")),
  el("p", { class: "daily-streak", id: "daily-streak" },
    el("strong", {}, days === 0 ? t("dy_streakNone") : days === 1 ? t("dy_streakOne") : textWith("dy_streak", { days })),
    " ", el("span", { class: "hint" }, t("dy_streakHint"))));
}

let menteeSmoffView = "day";

page("/smoff-time", ["mentee"], "smoffTime", async (main) => {
  const data = await api("GET", "/api/me/smoff-sessions");
  const kind = el("select", { id: "kind" }, ...["day", "week", "quarter", "year"].map((k) => el("option", { value: k }, t(k))));
  const form = el("form", { class: "card", novalidate: true },
    ...field("kind", "kind", kind),
    ...field("date", "date", el("input", { id: "date", type: "date", required: true, value: isoDate(localToday()) })),
    ...field("minutes", "minutes", el("input", { id: "minutes", type: "number", min: 1, max: 600, required: true, value: 7 })),
    ...field("note", "note", el("textarea", { id: "note", rows: 2, maxlength: 2000 })),
    el("button", { type: "submit" }, t("save")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/api/me/smoff-sessions", { kind: form.kind.value, date: form.date.value,
        minutes: Number(form.minutes.value), note: form.note.value || null });
      message(t("saved"));
      route();
    } catch (error) { failed(error); }
  });
  const title = el("h2", { id: "chart-title" });
  const chartBox = el("div", { id: "chart", "aria-live": "polite" });
  const showChart = (view) => {
    menteeSmoffView = view;
    const { chart, minutes } = view === "week" ? smoffWeekChart(data.sessions) : smoffChart(data.sessions);
    const total = minutes.reduce((sum, m) => sum + m, 0);
    title.textContent = view === "week" ? t("st_weekChartTitle") : t("chartTitle");
    chartBox.replaceChildren(chart, el("p", { class: "hint", id: "chart-summary" },
      textWith(view === "week" ? "st_weekSummary" : "st_daySummary", { total, average: Math.round(total / minutes.length) })));
  };
  const switcher = radioGroup("chart-view", "st_view", [["day", "st_perDay"], ["week", "st_perWeek"]], menteeSmoffView, showChart);
  showChart(menteeSmoffView);
  const remove = async (session) => {
    try {
      await api("DELETE", "/api/me/smoff-sessions/" + encodeURIComponent(session.id));
      message(t("st_deleted"));
      route();
    } catch (error) { failed(error); }
  };
  fill(main, el("h1", {}, t("smoffTitle")), dailyStatus(data.sessions), form, title, switcher, chartBox, smoffTable(data.sessions, remove, { url: "/api/me/smoff-sessions", next: data.next }));
});

// ---- Plans -------------------------------------------------------------------------------------

const MENTEE_PLAN_KINDS = { day: { example: "2026-03-02", pattern: /^\d{4}-\d{2}-\d{2}$/ },
  week: { example: "2026-W10", pattern: /^\d{4}-W\d{2}$/ }, year: { example: "2026", pattern: /^\d{4}$/ } };

/** Today, this ISO week or this year, in the person's own calendar. */
function currentPeriod(kind) {
  const today = localToday();
  return kind === "day" ? isoDate(today) : kind === "week" ? isoWeek(today) : String(today.getUTCFullYear());
}

/** A period in plain words: "Montag, 2. März 2026", "KW 10/2026 (2.3.2026 bis 8.3.2026)", "2026". */
function periodLabel(kind, period) {
  if (kind === "day" && MENTEE_PLAN_KINDS.day.pattern.test(period)) {
    return new Date(period + "T00:00:00Z").toLocaleDateString(dateLocale(), { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }
  if (kind === "week" && MENTEE_PLAN_KINDS.week.pattern.test(period)) {
    const monday = weekMonday(period);
    const sunday = new Date(monday.getTime() + 6 * 86400000);
    const format = (date) => date.toLocaleDateString(dateLocale(), { timeZone: "UTC" });
    return textWith("pl_weekLabel", { week: Number(period.slice(6)), year: period.slice(0, 4), from: format(monday), to: format(sunday) });
  }
  return period;
}

let menteePlanChoice = { kind: "day", period: null };

page("/plans", ["mentee"], "pl_menu", async (main) => {
  const [data, smoff] = await Promise.all([api("GET", "/api/me/plans"), api("GET", "/api/me/smoff-sessions")]);
  const find = (kind, period) => data.plans.find((p) => p.kind === kind && p.period === period);
  if (!menteePlanChoice.period) { menteePlanChoice.period = currentPeriod(menteePlanChoice.kind); }

  const heading = el("h2", { id: "plan-editor-title" });
  const status = el("p", { class: "hint", id: "plan-status" });
  const text = el("textarea", { id: "plan-text", rows: 6, maxlength: 10000, required: true });
  const periodBox = el("div", {});
  const form = el("form", { class: "card", id: "plan-form", novalidate: true });
  // A day plan is written in a daily planning session: its minutes can be recorded with it, in the same save.
  const minutes = el("input", { id: "plan-minutes", type: "number", min: 1, max: 600, step: 1, inputmode: "numeric",
    "aria-describedby": "plan-minutes-hint plan-minutes-already" });
  const already = el("p", { class: "hint", id: "plan-minutes-already" });
  const minutesBox = el("div", { id: "plan-minutes-box" }, ...field("plan-minutes", "dy_minutes", minutes),
    el("p", { class: "hint", id: "plan-minutes-hint" }, t("dy_minutesHint")), already);
  const saveButton = el("button", { type: "submit", id: "plan-save" }, t("pl_save"));
  const showSave = () => {
    saveButton.textContent = menteePlanChoice.kind === "day" && minutes.value.trim() ? t("dy_saveBoth") : t("pl_save");
  };
  minutes.addEventListener("input", showSave);

  const showChoice = () => {
    const { kind, period } = menteePlanChoice;
    heading.textContent = textWith("pl_" + kind + "For", { period: periodLabel(kind, period) });
    const saved = find(kind, period);
    text.value = saved ? saved.text : "";
    status.textContent = saved ? t("pl_lastSaved") + ": " + when(saved.updatedAt) : t("pl_new");
    minutesBox.hidden = kind !== "day";
    const recorded = smoff.sessions.filter((s) => s.kind === "day" && s.date === period).reduce((sum, s) => sum + s.minutes, 0);
    already.textContent = kind === "day" && recorded > 0 ? textWith("dy_already", { minutes: recorded }) : "";
    showSave();
  };
  const periodInput = () => {
    const { kind, period } = menteePlanChoice;
    const attrs = kind === "day" ? { type: "date" } : kind === "week" ? { type: "week", pattern: "\\d{4}-W\\d{2}", placeholder: "2026-W10" }
      : { type: "number", min: 1900, max: 2999, step: 1 };
    const input = el("input", { id: "plan-period", required: true, value: period, ...attrs });
    input.addEventListener("input", () => { menteePlanChoice = { kind: menteePlanChoice.kind, period: input.value }; });
    input.addEventListener("change", () => {
      menteePlanChoice = { kind: menteePlanChoice.kind, period: input.value };
      if (MENTEE_PLAN_KINDS[menteePlanChoice.kind].pattern.test(input.value)) { showChoice(); }
    });
    periodBox.replaceChildren(...field("plan-period", "pl_period", input));
  };
  const choose = (kind, period) => {
    menteePlanChoice = { kind, period };
    const radio = form.querySelector("#plan-kind-" + kind);
    if (radio) { radio.checked = true; }
    periodInput();
    showChoice();
  };

  form.append(heading, radioGroup("plan-kind", "pl_kind", [["day", "day"], ["week", "week"], ["year", "year"]], menteePlanChoice.kind,
    (kind) => choose(kind, currentPeriod(kind))),
  periodBox, ...field("plan-text", "pl_text", text), minutesBox, status, saveButton);
  periodInput();
  showChoice();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const { kind, period } = menteePlanChoice;
    if (!MENTEE_PLAN_KINDS[kind].pattern.test(period || "")) {
      message(textWith("pl_badPeriod", { example: periodLabel(kind, MENTEE_PLAN_KINDS[kind].example) }), "error");
      form.querySelector("#plan-period").focus();
      return;
    }
    if (!text.value.trim()) { message(t("pl_empty"), "error"); text.focus(); return; }
    const spent = kind === "day" ? minutes.value.trim() : "";
    if (spent && !/^\d{1,3}$/.test(spent) || spent && (Number(spent) < 1 || Number(spent) > 600)) {
      message(t("dy_badMinutes"), "error");
      minutes.focus();
      return;
    }
    try {
      if (spent) {
        // One request, one transaction: the plan and the planning time are saved together, or neither.
        await api("POST", "/api/me/daily-planning", { date: period, minutes: Number(spent), plan: text.value });
        message(textWith("dy_savedBoth", { minutes: Number(spent) }));
      } else {
        await api("PUT", "/api/me/plans/" + encodeURIComponent(kind) + "/" + encodeURIComponent(period), { text: text.value });
        message(t("pl_saved"));
      }
      route();
    } catch (error) { failed(error); }
  });

  const list = el("section", { id: "saved-plans" }, el("h2", {}, t("pl_saved_title")));
  if (data.plans.length === 0) { list.append(el("p", { class: "hint" }, t("pl_none"))); }
  for (const [kind, titleKey] of [["day", "pl_days"], ["week", "pl_weeks"], ["year", "pl_years"]]) {
    const plans = data.plans.filter((p) => p.kind === kind);
    if (plans.length === 0) { continue; }
    list.append(el("h3", {}, t(titleKey)), el("ul", { class: "plain" }, ...plans.map((p) => {
      const edit = el("button", { type: "button", class: "secondary", "data-action": "edit" }, t("pl_edit"));
      edit.addEventListener("click", () => {
        choose(p.kind, p.period);
        form.scrollIntoView({ block: "start" });
        text.focus();
      });
      return el("li", { class: "card plan", id: "plan-" + p.kind + "-" + p.period, "data-kind": p.kind, "data-period": p.period },
        el("strong", {}, periodLabel(p.kind, p.period)), " ", el("span", { class: "hint" }, "(" + t("pl_lastSaved") + ": " + when(p.updatedAt) + ")"),
        el("p", { class: "plan-text" }, p.text), edit);
    })));
  }
  fill(main, el("h1", {}, t("pl_title")), el("p", { class: "hint" }, t("pl_intro")), dailyStatus(smoff.sessions), form, list);
});

// ---- Pictures ----------------------------------------------------------------------------------

const MENTEE_MAX_PICTURE_BYTES = 10 * 1024 * 1024;

page("/pictures", ["mentee"], "pic_menu", async (main) => {
  const data = await api("GET", "/api/me/pictures");
  const problem = el("p", { class: "warning", id: "upload-problem", role: "alert" });
  const input = el("input", { id: "picture-file", type: "file", accept: "image/jpeg,image/png", "aria-describedby": "upload-problem" });
  const form = el("form", { class: "card", id: "upload-form", novalidate: true },
    ...field("picture-file", "pic_file", input), problem, el("button", { type: "submit" }, t("pic_upload")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    problem.textContent = "";
    const file = input.files[0];
    if (!file) { problem.textContent = t("pic_choose"); input.focus(); return; }
    if (file.size > MENTEE_MAX_PICTURE_BYTES) { problem.textContent = t("pic_tooLarge"); input.focus(); return; }
    try {
      await api("POST", "/api/me/pictures", file, file.type || "application/octet-stream");
      message(t("pic_uploaded"));
      route();
    } catch (error) {
      // The API's verdict in plain words next to the field, and its detail in the message.
      problem.textContent = { 400: t("pic_notImage"), 413: t("pic_tooLarge"), 415: t("pic_notImage"), 422: t("pic_unreadable") }[error.status] || "";
      failed(error);
      input.focus();
    }
  });

  const items = data.pictures.map((p) => {
    const taken = when(p.uploadedAt);
    const actions = el("div", { class: "actions" });
    const ask = () => {
      const yes = el("button", { type: "button", class: "danger", "data-action": "confirm" }, t("pic_confirm"));
      const no = el("button", { type: "button", class: "secondary", "data-action": "cancel" }, t("cancel"));
      yes.addEventListener("click", async () => {
        try {
          await api("DELETE", "/api/me/pictures/" + encodeURIComponent(p.id));
          message(t("pic_deleted"));
          route();
        } catch (error) { failed(error); }
      });
      no.addEventListener("click", () => { reset(); remove.focus(); });
      actions.replaceChildren(el("p", { class: "warning" }, t("pic_really")), yes, no);
      no.focus();
    };
    const remove = el("button", { type: "button", class: "secondary", "data-action": "delete" }, t("pic_delete"));
    remove.addEventListener("click", ask);
    const reset = () => actions.replaceChildren(remove);
    reset();
    return el("li", { class: "card picture", id: "picture-" + p.id, "data-id": p.id },
      el("figure", {},
        el("img", { src: "/api/me/pictures/" + encodeURIComponent(p.id), alt: textWith("pic_alt", { date: taken }), width: p.width, height: p.height }),
        el("figcaption", {}, taken, el("br"), el("span", { class: "hint" }, textWith("pic_pixels", { width: p.width, height: p.height })))),
      actions);
  });
  fill(main, el("h1", {}, t("pic_title")), el("p", { class: "hint" }, t("pic_intro")), form,
    items.length === 0 ? el("p", { class: "hint", id: "no-pictures" }, t("pic_none")) : el("ul", { class: "plain gallery", id: "gallery" }, ...items));
});

// ---- Mentors -----------------------------------------------------------------------------------

page("/mentors", ["mentee"], "mentors", async (main) => {
  const data = await api("GET", "/api/me/mentors");
  const act = (id, action) => async () => {
    try {
      if (action === "revoke") { await api("DELETE", "/api/me/mentors/" + encodeURIComponent(id)); }
      else { await api("POST", "/api/me/mentors/" + encodeURIComponent(id) + "/" + action, {}); }
      route();
    } catch (error) { failed(error); }
  };
  const items = data.mentors.map((m) => {
    const buttons = [];
    if (m.status === "pending") {
      buttons.push(el("button", { type: "button", "data-action": "accept" }, t("accept")));
      buttons.push(el("button", { type: "button", class: "secondary", "data-action": "decline" }, t("decline")));
    } else if (m.status === "active") {
      buttons.push(el("button", { type: "button", class: "secondary", "data-action": "revoke" }, t("revoke")));
    }
    for (const button of buttons) { button.addEventListener("click", act(m.id, button.dataset.action)); }
    return el("li", { class: "card mentor", "data-status": m.status, "data-nickname": m.nickname },
      el("strong", {}, m.nickname), " — ", t("scope_" + m.scope), el("br"),
      el("span", { class: "hint" }, t("origin_" + m.origin) + ", " + t("status_" + m.status)), el("div", {}, ...buttons));
  });

  const nickname = el("input", { id: "invite-nickname", type: "text", required: true, autocomplete: "off", maxlength: 100 });
  const invite = el("form", { class: "card", id: "invite-form", novalidate: true },
    el("h2", {}, t("inv_title")), el("p", { class: "hint" }, t("inv_intro")),
    ...field("invite-nickname", "inv_nickname", nickname),
    radioGroup("invite-scope", "inv_scope", [["smoff-time-mentor", "inv_scopeSmoff"], ["mentor", "inv_scopeAll"]], "smoff-time-mentor"),
    el("button", { type: "submit" }, t("inv_send")));
  invite.addEventListener("submit", async (event) => {
    event.preventDefault();
    const scope = invite.querySelector("input[name=invite-scope]:checked").value;
    try {
      const grant = await api("POST", "/api/me/mentors", { mentor: nickname.value.trim(), scope });
      message(textWith("inv_done", { nickname: grant.nickname }));
      route();
    } catch (error) { failed(error); nickname.focus(); }
  });
  fill(main, el("h1", {}, t("mentors")), el("p", { class: "hint" }, t("mentorsIntro")),
    items.length === 0 ? el("p", {}, t("noMentors")) : el("ul", { class: "plain" }, ...items), invite);
});

// ---- What employers see ------------------------------------------------------------------------

page("/employer-view", ["mentee"], "ev_menu", async (main) => {
  const data = await api("GET", "/api/me/employer-view");
  // The employer's own component (employer.js), fed by the same computation: identical figures.
  fill(main, el("h1", {}, t("ev_title")), el("p", { class: "hint" }, t("ev_intro")),
    el("section", { id: "employers" }, el("h2", {}, t("ev_employers")),
      data.employers.length === 0 ? el("p", {}, t("ev_noEmployers"))
        : el("ul", {}, ...data.employers.map((name) => el("li", { class: "employer", "data-nickname": name }, name)))),
    el("section", { id: "courses" }, el("h2", {}, t("ev_courses")),
      data.courses.length === 0 ? el("p", {}, t("ev_noCourses"))
        : el("ul", {}, ...data.courses.map((name) => el("li", { class: "course", "data-name": name }, name)))),
    el("section", { id: "employer-assessment", "aria-labelledby": "employer-assessment-title" },
      el("h2", { id: "employer-assessment-title" }, t("ev_assessment")), assessmentView(data.whatEmployersSee, 3)));
});
