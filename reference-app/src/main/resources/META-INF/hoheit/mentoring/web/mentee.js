// Smoffen web console: the mentee's own pages (Smoff-Time, mentors).
"use strict";

addText({
  de: {
    smoffTime: "Smoff-Time", smoffTitle: "Meine Smoff-Time", kind: "Art", date: "Datum", minutes: "Minuten", note: "Notiz (freiwillig)",
    day: "Tag", week: "Woche", quarter: "Quartal", year: "Jahr",
    chartTitle: "Planungszeit der letzten 14 Tage (Minuten)", noEntries: "Noch keine Einträge.",
    mentors: "Meine Mentoren",
    mentorsIntro: "Sie entscheiden, wer Ihr Mentor ist. Sie können jeden Mentor jederzeit abberufen; der Zugriff endet sofort.",
    noMentors: "Sie haben keine Mentoren.", accept: "Annehmen", decline: "Ablehnen", revoke: "Abberufen",
    status_pending: "wartet auf Ihre Zustimmung", status_active: "aktiv", status_declined: "abgelehnt", status_revoked: "abberufen", status_expired: "abgelaufen",
    origin_self: "von Ihnen eingeladen", "origin_assigned-by-operator": "vom Betreiber zugewiesen", "origin_requested-by-grantee": "angefragt",
    scope_mentor: "sieht Ihre Smoff-Time, Pläne und Bilder", "scope_smoff-time-mentor": "sieht nur Ihre Smoff-Time"
  },
  en: {
    smoffTime: "Smoff-Time", smoffTitle: "My Smoff-Time", kind: "Kind", date: "Date", minutes: "Minutes", note: "Note (optional)",
    day: "Day", week: "Week", quarter: "Quarter", year: "Year",
    chartTitle: "Planning time of the last 14 days (minutes)", noEntries: "No entries yet.",
    mentors: "My mentors",
    mentorsIntro: "You decide who your mentor is. You can revoke any mentor at any time; access ends at once.",
    noMentors: "You have no mentors.", accept: "Accept", decline: "Decline", revoke: "Revoke",
    status_pending: "waiting for your consent", status_active: "active", status_declined: "declined", status_revoked: "revoked", status_expired: "expired",
    origin_self: "invited by you", "origin_assigned-by-operator": "assigned by the operator", "origin_requested-by-grantee": "requested",
    scope_mentor: "sees your Smoff-Time, plans and pictures", "scope_smoff-time-mentor": "sees your Smoff-Time only"
  }
});

/** A bar per day of the last 14 days: the minutes of planning time recorded for that day. */
function smoffChart(sessions) {
  const chart = svg("svg", { class: "chart", viewBox: "0 0 420 140", role: "img", "aria-label": t("chartTitle") });
  const today = new Date();
  const days = [];
  for (let back = 13; back >= 0; back--) {
    days.push(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back)).toISOString().slice(0, 10));
  }
  const minutes = days.map((day) => sessions.filter((s) => s.date === day).reduce((sum, s) => sum + s.minutes, 0));
  const max = Math.max(10, ...minutes);
  minutes.forEach((value, i) => {
    const height = Math.round((value / max) * 100);
    chart.append(svg("rect", { class: "bar", x: 10 + i * 29, y: 110 - height, width: 22, height },
      svg("title", {}, days[i] + ": " + value + " min")));
    chart.append(svg("text", { x: 12 + i * 29, y: 125 }, days[i].slice(8)));
  });
  return chart;
}

/** A table of Smoff-Time entries, newest first as the API returns them. */
function smoffTable(sessions) {
  if (sessions.length === 0) { return el("p", { class: "hint" }, t("noEntries")); }
  return el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, t("date")), el("th", {}, t("kind")), el("th", {}, t("minutes")), el("th", {}, t("note")))),
    el("tbody", {}, ...sessions.map((s) => el("tr", {}, el("td", {}, s.date), el("td", {}, t(s.kind)), el("td", {}, String(s.minutes)), el("td", {}, s.note || "")))));
}

page("/smoff-time", ["mentee"], "smoffTime", async (main) => {
  const data = await api("GET", "/api/me/smoff-sessions");
  const kind = el("select", { id: "kind" }, ...["day", "week", "quarter", "year"].map((k) => el("option", { value: k }, t(k))));
  const form = el("form", { class: "card", novalidate: true },
    ...field("kind", "kind", kind),
    ...field("date", "date", el("input", { id: "date", type: "date", required: true, value: new Date().toISOString().slice(0, 10) })),
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
  main.replaceChildren(el("h1", {}, t("smoffTitle")), form,
    el("h2", {}, t("chartTitle")), smoffChart(data.sessions), smoffTable(data.sessions));
});

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
    return el("li", { class: "card mentor", "data-status": m.status },
      el("strong", {}, m.nickname), " — ", t("scope_" + m.scope), el("br"),
      el("span", { class: "hint" }, t("origin_" + m.origin) + ", " + t("status_" + m.status)), el("div", {}, ...buttons));
  });
  main.replaceChildren(el("h1", {}, t("mentors")), el("p", { class: "hint" }, t("mentorsIntro")),
    items.length === 0 ? el("p", {}, t("noMentors")) : el("ul", { class: "plain" }, ...items));
});
