// Smoffen web console. No dependencies, no inline script (CSP), no data ever inserted as HTML:
// every text goes through textContent. The session lives in an HttpOnly cookie; the CSRF token in
// sessionStorage (gone with the tab, R30).
"use strict";

const TEXT = {
  de: {
    skip: "Zum Inhalt springen", language: "Sprache", signOut: "Abmelden", signIn: "Anmelden", register: "Registrieren",
    nickname: "Spitzname", password: "Passwort", email: "E-Mail (freiwillig)", smoffTime: "Smoff-Time",
    signInTitle: "Bei Smoffen anmelden", registerTitle: "Konto anlegen",
    registerIntro: "Wir fragen nur das Nötigste: einen Spitznamen und ein Passwort. Eine E-Mail-Adresse ist freiwillig.",
    agree: "Ich stimme zu", required: "Erforderlich", optional: "Freiwillig",
    createAccount: "Konto anlegen", created: "Ihr Konto ist angelegt. Bitte melden Sie sich an.",
    smoffTitle: "Meine Smoff-Time", kind: "Art", date: "Datum", minutes: "Minuten", note: "Notiz (freiwillig)", save: "Speichern",
    day: "Tag", week: "Woche", quarter: "Quartal", year: "Jahr", saved: "Gespeichert.",
    chartTitle: "Planungszeit der letzten 14 Tage (Minuten)", noEntries: "Noch keine Einträge.",
    signedInAs: "Angemeldet als", noConsole: "Für diese Rolle gibt es die Konsole noch nicht; die JSON-API steht bereit.",
    error: "Fehler", mentors: "Meine Mentoren", accessLog: "Wer hat meine Daten gesehen",
    mentorsIntro: "Sie entscheiden, wer Ihr Mentor ist. Sie können jeden Mentor jederzeit abberufen; der Zugriff endet sofort.",
    noMentors: "Sie haben keine Mentoren.", accept: "Annehmen", decline: "Ablehnen", revoke: "Abberufen",
    status_pending: "wartet auf Ihre Zustimmung", status_active: "aktiv", status_declined: "abgelehnt", status_revoked: "abberufen", status_expired: "abgelaufen",
    origin_self: "von Ihnen eingeladen", "origin_assigned-by-operator": "vom Betreiber zugewiesen", "origin_requested-by-grantee": "angefragt",
    scope_mentor: "sieht Ihre Smoff-Time, Pläne und Bilder", "scope_smoff-time-mentor": "sieht nur Ihre Smoff-Time",
    noViews: "Niemand hat Ihre Daten gesehen.", viewed: "hat angesehen", denied: "wurde abgewiesen beim Versuch, anzusehen",
    what_smoff_sessions: "Ihre Smoff-Time", what_plans: "Ihre Pläne", what_pictures: "Ihre Bilder", what_picture: "ein Bild", what_assessment: "Ihre Bewertung",
    consents: "Meine Einwilligungen", myData: "Meine Daten",
    consentsIntro: "Sie können jede Einwilligung jederzeit widerrufen. Erforderliche Einwilligungen zu widerrufen löscht Ihr Konto.",
    cstatus_granted: "erteilt", cstatus_refused: "abgelehnt", cstatus_withdrawn: "widerrufen", cstatus_expired: "abgelaufen", cstatus_undecided: "noch nicht entschieden",
    grant: "Einwilligen", withdraw: "Widerrufen", withdrawRequired: "Widerrufen löscht Ihr Konto endgültig.",
    confirmDelete: "Ja, Konto löschen", cancel: "Abbrechen", newNotice: "Es gibt eine neue Fassung dieses Hinweises.",
    exportTitle: "Alle meine Daten herunterladen", exportIntro: "Ein ZIP-Archiv mit allem, was Smoffen über Sie speichert (maschinenlesbar).",
    download: "Herunterladen", deleteTitle: "Konto löschen",
    deleteIntro: "Löscht Ihr Konto und alle Ihre Daten in jedem Speicher. Bestätigen Sie mit Ihrem Passwort.",
    deleteAccount: "Konto endgültig löschen", deleted: "Ihr Konto und Ihre Daten sind gelöscht."
  },
  en: {
    skip: "Skip to content", language: "Language", signOut: "Sign out", signIn: "Sign in", register: "Register",
    nickname: "Nickname", password: "Password", email: "E-mail (optional)", smoffTime: "Smoff-Time",
    signInTitle: "Sign in to Smoffen", registerTitle: "Create an account",
    registerIntro: "We ask for the minimum: a nickname and a password. An e-mail address is optional.",
    agree: "I agree", required: "Required", optional: "Optional",
    createAccount: "Create account", created: "Your account is ready. Please sign in.",
    smoffTitle: "My Smoff-Time", kind: "Kind", date: "Date", minutes: "Minutes", note: "Note (optional)", save: "Save",
    day: "Day", week: "Week", quarter: "Quarter", year: "Year", saved: "Saved.",
    chartTitle: "Planning time of the last 14 days (minutes)", noEntries: "No entries yet.",
    signedInAs: "Signed in as", noConsole: "The console for this role is not built yet; the JSON API is ready.",
    error: "Error", mentors: "My mentors", accessLog: "Who viewed my data",
    mentorsIntro: "You decide who your mentor is. You can revoke any mentor at any time; access ends at once.",
    noMentors: "You have no mentors.", accept: "Accept", decline: "Decline", revoke: "Revoke",
    status_pending: "waiting for your consent", status_active: "active", status_declined: "declined", status_revoked: "revoked", status_expired: "expired",
    origin_self: "invited by you", "origin_assigned-by-operator": "assigned by the operator", "origin_requested-by-grantee": "requested",
    scope_mentor: "sees your Smoff-Time, plans and pictures", "scope_smoff-time-mentor": "sees your Smoff-Time only",
    noViews: "Nobody has viewed your data.", viewed: "viewed", denied: "was refused when trying to view",
    what_smoff_sessions: "your Smoff-Time", what_plans: "your plans", what_pictures: "your pictures", what_picture: "a picture", what_assessment: "your assessment",
    consents: "My consents", myData: "My data",
    consentsIntro: "You can withdraw any consent at any time. Withdrawing a required consent deletes your account.",
    cstatus_granted: "given", cstatus_refused: "refused", cstatus_withdrawn: "withdrawn", cstatus_expired: "expired", cstatus_undecided: "not decided yet",
    grant: "Consent", withdraw: "Withdraw", withdrawRequired: "Withdrawing deletes your account for good.",
    confirmDelete: "Yes, delete my account", cancel: "Cancel", newNotice: "There is a newer version of this notice.",
    exportTitle: "Download all my data", exportIntro: "A ZIP archive of everything Smoffen stores about you (machine-readable).",
    download: "Download", deleteTitle: "Delete my account",
    deleteIntro: "Deletes your account and all your data in every store. Confirm with your password.",
    deleteAccount: "Delete my account for good", deleted: "Your account and your data are deleted."
  }
};

let lang = savedLanguage() || "de";
let me = null;

function savedLanguage() {
  // The language choice only, never an identifier.
  try { return window.sessionStorage.getItem("lang"); } catch (e) { return null; }
}

function t(key) { return (TEXT[lang] && TEXT[lang][key]) || TEXT.de[key] || key; }

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === true) { node.setAttribute(name, ""); } else if (value !== false && value != null) { node.setAttribute(name, String(value)); }
  }
  for (const child of children) {
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

let messageTimer = null;

function message(text, kind) {
  const box = document.getElementById("message");
  box.replaceChildren(el("div", { class: kind || "ok" }, text));
  // An older message's timer must not clear this one.
  window.clearTimeout(messageTimer);
  messageTimer = window.setTimeout(() => box.replaceChildren(), 5000);
}

async function api(method, path, body) {
  const headers = {};
  if (body !== undefined) { headers["Content-Type"] = "application/json"; }
  const csrf = window.sessionStorage.getItem("csrf");
  if (csrf && method !== "GET") { headers["X-CSRF-Token"] = csrf; }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "same-origin" });
  const text = await response.text();
  const data = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = new Error((data && data.message) || response.statusText);
    error.status = response.status;
    throw error;
  }
  return data;
}

function translateStatic() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-i18n]")) { node.textContent = t(node.dataset.i18n); }
  document.getElementById("lang").value = lang;
}

function renderNav() {
  const nav = document.getElementById("nav");
  const links = me ? (me.roles.includes("mentee")
    ? [["#/smoff-time", t("smoffTime")], ["#/mentors", t("mentors")], ["#/access-log", t("accessLog")]] : [])
      .concat([["#/consents", t("consents")], ["#/my-data", t("myData")]])
    : [["#/signin", t("signIn")], ["#/register", t("register")]];
  nav.replaceChildren(...links.map(([href, label]) => el("a", { href, "aria-current": location.hash === href ? "page" : false }, label)));
  document.getElementById("signout").hidden = !me;
}

function field(id, labelKey, input) {
  return [el("label", { for: id }, t(labelKey)), input];
}

function viewSignIn(main) {
  const form = el("form", { class: "card", novalidate: true },
    ...field("nickname", "nickname", el("input", { id: "nickname", type: "text", autocomplete: "username", required: true })),
    ...field("password", "password", el("input", { id: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit" }, t("signIn")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const result = await api("POST", "/api/session", { nickname: form.nickname.value, password: form.password.value });
      window.sessionStorage.setItem("csrf", result.csrfToken);
      await loadMe();
      location.hash = me.roles.includes("mentee") ? "#/smoff-time" : "#/home";
    } catch (error) { message(error.message, "error"); }
  });
  main.replaceChildren(el("h1", {}, t("signInTitle")), form);
}

async function viewRegister(main) {
  const notices = await api("GET", "/api/notices?role=mentee&lang=" + lang);
  const form = el("form", { class: "card", novalidate: true },
    el("p", { class: "hint" }, t("registerIntro")),
    ...field("nickname", "nickname", el("input", { id: "nickname", type: "text", autocomplete: "username", required: true })),
    ...field("password", "password", el("input", { id: "password", type: "password", autocomplete: "new-password", required: true, minlength: 10 })),
    ...field("email", "email", el("input", { id: "email", type: "email", autocomplete: "email" })));
  for (const notice of notices.notices) {
    const box = el("input", { type: "checkbox", id: "consent-" + notice.purpose, name: notice.purpose });
    form.append(el("div", { class: "notice" },
      el("h2", {}, notice.title + " — " + (notice.required ? t("required") : t("optional"))),
      el("p", {}, notice.text),
      el("label", { class: "choice", for: box.id }, box, t("agree")),
      el("p", { class: "hint" }, notice.refusing)));
  }
  form.append(el("button", { type: "submit" }, t("createAccount")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const consents = {};
    for (const notice of notices.notices) { consents[notice.purpose] = form.querySelector("#consent-" + CSS.escape(notice.purpose)).checked; }
    try {
      await api("POST", "/api/accounts", { nickname: form.nickname.value, password: form.password.value,
        email: form.email.value || null, language: lang, consents });
      message(t("created"));
      location.hash = "#/signin";
    } catch (error) { message(error.message, "error"); }
  });
  main.replaceChildren(el("h1", {}, t("registerTitle")), form);
}

function chart(sessions) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("class", "chart");
  svg.setAttribute("viewBox", "0 0 420 140");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", t("chartTitle"));
  const today = new Date();
  const days = [];
  for (let back = 13; back >= 0; back--) {
    const day = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - back));
    days.push(day.toISOString().slice(0, 10));
  }
  const minutes = days.map((day) => sessions.filter((s) => s.date === day).reduce((sum, s) => sum + s.minutes, 0));
  const max = Math.max(10, ...minutes);
  minutes.forEach((value, i) => {
    const height = Math.round((value / max) * 100);
    const bar = document.createElementNS(ns, "rect");
    bar.setAttribute("class", "bar");
    bar.setAttribute("x", String(10 + i * 29));
    bar.setAttribute("y", String(110 - height));
    bar.setAttribute("width", "22");
    bar.setAttribute("height", String(height));
    const title = document.createElementNS(ns, "title");
    title.textContent = days[i] + ": " + value + " min";
    bar.append(title);
    const label = document.createElementNS(ns, "text");
    label.setAttribute("x", String(12 + i * 29));
    label.setAttribute("y", "125");
    label.textContent = days[i].slice(8);
    svg.append(bar, label);
  });
  return svg;
}

async function viewSmoffTime(main) {
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
    } catch (error) { message(error.message, "error"); }
  });
  const rows = data.sessions.map((s) => el("tr", {}, el("td", {}, s.date), el("td", {}, t(s.kind)), el("td", {}, String(s.minutes)), el("td", {}, s.note || "")));
  main.replaceChildren(el("h1", {}, t("smoffTitle")), form,
    el("h2", {}, t("chartTitle")), chart(data.sessions),
    data.sessions.length === 0 ? el("p", { class: "hint" }, t("noEntries"))
      : el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, t("date")), el("th", {}, t("kind")), el("th", {}, t("minutes")), el("th", {}, t("note")))), el("tbody", {}, ...rows)));
}

async function viewMentors(main) {
  const data = await api("GET", "/api/me/mentors");
  const act = (id, action) => async () => {
    try {
      if (action === "revoke") { await api("DELETE", "/api/me/mentors/" + encodeURIComponent(id)); }
      else { await api("POST", "/api/me/mentors/" + encodeURIComponent(id) + "/" + action, {}); }
      route();
    } catch (error) { message(error.message, "error"); }
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
}

async function viewAccessLog(main) {
  const data = await api("GET", "/api/me/access-log");
  const items = data.views.map((v) => el("li", { class: "card view", "data-outcome": v.outcome },
    el("time", { datetime: v.at }, new Date(v.at).toLocaleString(lang)), el("br"),
    el("strong", {}, v.who), " (" + v.role + ") ", v.outcome === "allowed" ? t("viewed") : t("denied"), " ",
    t("what_" + v.what.replace(/-/g, "_"))));
  main.replaceChildren(el("h1", {}, t("accessLog")),
    items.length === 0 ? el("p", {}, t("noViews")) : el("ol", { class: "plain timeline" }, ...items));
}

/** Forgets the session in this tab and shows the sign-in page, with a message if one is given. */
function signedOut(text) {
  window.sessionStorage.removeItem("csrf");
  me = null;
  location.hash = "#/signin";
  route().then(() => { if (text) { message(text); } });
}

async function viewConsents(main) {
  const data = await api("GET", "/api/me/consents");
  const change = (c, granted, confirm) => async () => {
    try {
      const result = await api("POST", "/api/me/consents", { purpose: c.purpose, granted, confirm, language: lang });
      if (result && result.erasureId) { signedOut(t("deleted")); return; }
      route();
    } catch (error) { message(error.message, "error"); }
  };
  const items = data.consents.map((c) => {
    const actions = el("div", {});
    if (c.status === "granted") {
      const withdraw = el("button", { type: "button", class: "secondary", "data-action": "withdraw" }, t("withdraw"));
      if (c.required) {
        withdraw.addEventListener("click", () => {
          const yes = el("button", { type: "button", class: "danger", "data-action": "confirm" }, t("confirmDelete"));
          const no = el("button", { type: "button", class: "secondary" }, t("cancel"));
          yes.addEventListener("click", change(c, false, true));
          no.addEventListener("click", () => route());
          actions.replaceChildren(el("p", { class: "warning" }, t("withdrawRequired")), yes, no);
        });
      } else {
        withdraw.addEventListener("click", change(c, false, false));
      }
      actions.append(withdraw);
    } else {
      const grant = el("button", { type: "button", "data-action": "grant" }, t("grant"));
      grant.addEventListener("click", change(c, true, false));
      actions.append(grant);
    }
    return el("li", { class: "card consent", "data-purpose": c.purpose, "data-status": c.status },
      el("strong", {}, c.title), " — ", t("cstatus_" + c.status), " (", t(c.required ? "required" : "optional"), ")",
      c.status === "granted" && !c.latestNoticeAccepted ? el("p", { class: "hint" }, t("newNotice")) : "",
      actions);
  });
  main.replaceChildren(el("h1", {}, t("consents")), el("p", { class: "hint" }, t("consentsIntro")),
    el("ul", { class: "plain" }, ...items));
}

function viewMyData(main) {
  const form = el("form", { class: "card", novalidate: true },
    el("h2", {}, t("deleteTitle")), el("p", { class: "hint" }, t("deleteIntro")),
    ...field("password", "password", el("input", { id: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit", class: "danger" }, t("deleteAccount")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("DELETE", "/api/me", { password: form.password.value });
      signedOut(t("deleted"));
    } catch (error) { message(error.message, "error"); }
  });
  main.replaceChildren(el("h1", {}, t("myData")),
    el("section", { class: "card" }, el("h2", {}, t("exportTitle")), el("p", { class: "hint" }, t("exportIntro")),
      el("a", { class: "button", href: "/api/me/export", download: "smoffen-export.zip", id: "export" }, t("download"))),
    form);
}

function viewHome(main) {
  main.replaceChildren(el("h1", {}, t("signedInAs") + " " + me.nickname), el("p", { class: "hint" }, t("noConsole")));
}

async function loadMe() {
  try { me = await api("GET", "/api/me"); } catch (error) { me = null; }
}

async function route() {
  const main = document.getElementById("main");
  const hash = location.hash || (me ? "#/smoff-time" : "#/signin");
  renderNav();
  try {
    if (!me && hash !== "#/register") { viewSignIn(main); return; }
    if (hash === "#/register") { await viewRegister(main); return; }
    if (hash === "#/smoff-time" && me.roles.includes("mentee")) { await viewSmoffTime(main); return; }
    if (hash === "#/mentors" && me.roles.includes("mentee")) { await viewMentors(main); return; }
    if (hash === "#/access-log") { await viewAccessLog(main); return; }
    if (hash === "#/consents") { await viewConsents(main); return; }
    if (hash === "#/my-data") { viewMyData(main); return; }
    viewHome(main);
  } catch (error) {
    message(t("error") + ": " + error.message, "error");
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  document.getElementById("lang").addEventListener("change", (event) => {
    lang = event.target.value;
    window.sessionStorage.setItem("lang", lang);
    translateStatic();
    route();
  });
  document.getElementById("signout").addEventListener("click", async () => {
    try { await api("DELETE", "/api/session"); } catch (error) { /* already signed out */ }
    signedOut();
  });
  window.addEventListener("hashchange", route);
  translateStatic();
  await loadMe();
  route();
});
