// Smoffen web console, the core: texts, the page registry, the API client, routing and the menu.
// Each part of the console (mentee.js, mentor.js, employer.js, operator.js, auditor.js,
// self-service.js) registers its pages with page() and its texts with addText().
// No dependencies, no inline script (CSP), no data ever inserted as HTML: every text goes through
// textContent. The session lives in an HttpOnly cookie; the CSRF token in sessionStorage (gone
// with the tab, R30).
"use strict";

const TEXT = {
  de: {
    skip: "Zum Inhalt springen", menu: "Menü", language: "Sprache", signOut: "Abmelden", signIn: "Anmelden", register: "Registrieren",
    nickname: "Spitzname", password: "Passwort", email: "E-Mail (freiwillig)",
    signInTitle: "Bei Smoffen anmelden", registerTitle: "Konto anlegen",
    registerIntro: "Wir fragen nur das Nötigste: einen Spitznamen und ein Passwort. Eine E-Mail-Adresse ist freiwillig.",
    agree: "Ich stimme zu", required: "Erforderlich", optional: "Freiwillig",
    createAccount: "Konto anlegen", created: "Ihr Konto ist angelegt. Sie sind angemeldet.",
    save: "Speichern", saved: "Gespeichert.", cancel: "Abbrechen", loading: "Wird geladen …",
    termsTitle: "Bevor Sie beginnen", termsIntro: "Ihr Konto hat eine Rolle, zu deren Bedingungen Sie noch nichts entschieden haben. Bitte lesen und entscheiden Sie.",
    termsRequiredHint: "Ohne diese Zustimmung können Sie Smoffen in Ihrer Rolle nicht nutzen. Sie können sich stattdessen abmelden.",
    termsMissing: "Bitte stimmen Sie den erforderlichen Bedingungen zu, oder melden Sie sich ab.", termsSave: "Entscheidung speichern",
    pageFailed: "Diese Seite konnte nicht geladen werden", pageFailedHint: "Der Grund steht in der Meldung unten. Versuchen Sie es später noch einmal oder wählen Sie eine andere Seite.",
    signedInAs: "Angemeldet als", noPage: "Diese Seite gibt es nicht, oder sie ist für Ihre Rolle nicht freigegeben.",
    error: "Fehler", err_400: "Die Eingabe ist ungültig", err_401: "Bitte melden Sie sich (erneut) an",
    err_403: "Das ist Ihnen nicht erlaubt", err_404: "Nicht gefunden", err_405: "Diese Aktion ist hier nicht möglich",
    err_409: "Das steht im Widerspruch zum aktuellen Stand", err_413: "Die Daten sind zu groß",
    err_415: "Dieses Format wird nicht angenommen", err_422: "Das lässt sich so nicht verarbeiten", err_429: "Zu viele Versuche", err_500: "Bei uns ist etwas schiefgegangen; nichts wurde geändert",
    err_503: "Der Dienst ist gerade nicht erreichbar", err_network: "Keine Verbindung zum Server",
    role_mentee: "Mentee", role_mentor: "Mentor", role_operator: "Betreiber", role_employer: "Arbeitgeber", role_auditor: "Prüfer", role_supervisor: "Supervisor"
  },
  en: {
    skip: "Skip to content", menu: "Menu", language: "Language", signOut: "Sign out", signIn: "Sign in", register: "Register",
    nickname: "Nickname", password: "Password", email: "E-mail (optional)",
    signInTitle: "Sign in to Smoffen", registerTitle: "Create an account",
    registerIntro: "We ask for the minimum: a nickname and a password. An e-mail address is optional.",
    agree: "I agree", required: "Required", optional: "Optional",
    createAccount: "Create account", created: "Your account is ready. You are signed in.",
    save: "Save", saved: "Saved.", cancel: "Cancel", loading: "Loading …",
    termsTitle: "Before you start", termsIntro: "Your account has a role whose terms you have not decided yet. Please read and decide.",
    termsRequiredHint: "Without this consent you cannot use Smoffen in your role. You can sign out instead.",
    termsMissing: "Please agree to the required terms, or sign out.", termsSave: "Save my decision",
    pageFailed: "This page could not be loaded", pageFailedHint: "The message below says why. Try again later or choose another page.",
    signedInAs: "Signed in as", noPage: "This page does not exist, or your role may not open it.",
    error: "Error", err_400: "The input is not valid", err_401: "Please sign in (again)",
    err_403: "You are not allowed to do this", err_404: "Not found", err_405: "This action is not possible here",
    err_409: "This conflicts with the current state", err_413: "The data is too large",
    err_415: "This format is not accepted", err_422: "This cannot be processed as it is", err_429: "Too many attempts", err_500: "Something went wrong on our side; nothing was changed",
    err_503: "The service is not available right now", err_network: "No connection to the server",
    role_mentee: "Mentee", role_mentor: "Mentor", role_operator: "Operator", role_employer: "Employer", role_auditor: "Auditor", role_supervisor: "Supervisor"
  }
};

/** Adds a part's texts; every part gives both languages (WebConsoleTest checks that they match). */
function addText(texts) {
  for (const language of Object.keys(TEXT)) { Object.assign(TEXT[language], texts[language]); }
}

const PAGES = [];

/**
 * Registers a page. `path` is the address after "#", with ":name" for a parameter
 * ("/mentees/:id"); `roles` lists who may open it (empty: everyone signed in); `label` is the
 * menu text's key, or null for a page that is not in the menu; `view(main, params)` renders it.
 * The server checks every request anyway: this only keeps the menu to what the person can use.
 */
function page(path, roles, label, view) {
  const pattern = new RegExp("^#" + path.replace(/:(\w+)/g, "(?<$1>[^/]+)") + "$");
  PAGES.push({ path, roles, label, view, pattern });
}

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
    if (child === null || child === undefined || child === false) { continue; }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * Replaces the children of `node`, skipping null, undefined and false, as el() does (the DOM's own
 * replaceChildren would print them as the words "null" and "undefined").
 */
function fill(node, ...children) {
  node.replaceChildren(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return node;
}

/** An SVG element (charts), built like el(). */
function svg(tag, attrs, ...children) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [name, value] of Object.entries(attrs || {})) { node.setAttribute(name, String(value)); }
  for (const child of children) { node.append(child instanceof Node ? child : document.createTextNode(String(child))); }
  return node;
}

function field(id, labelKey, input) {
  return [el("label", { for: id }, t(labelKey)), input];
}

/** A text with its {placeholders} filled in: textWith("act_times", { count: 3 }). */
function textWith(key, values) {
  return Object.entries(values).reduce((text, [name, value]) => text.split("{" + name + "}").join(String(value)), t(key));
}

/** The text of `key` if there is one, else `fallback` (for values that come from the API, such as a finding's kind). */
function textOr(key, fallback) {
  return TEXT[lang][key] || TEXT.de[key] ? t(key) : fallback;
}

/** A calendar date (2026-03-02) in the page's language. */
function calendarDay(isoDate) {
  return new Date(isoDate + "T00:00:00Z").toLocaleDateString(dateLocale(), { timeZone: "UTC" });
}

/** Radio buttons in a fieldset: `options` are [value, label key] pairs; each input's id is name-value. */
function radioGroup(name, legendKey, options, chosen, onChange) {
  const set = el("fieldset", { class: "options", id: name });
  set.append(el("legend", {}, t(legendKey)));
  for (const [value, labelKey] of options) {
    const input = el("input", { type: "radio", name, id: name + "-" + value, value, checked: value === chosen });
    if (onChange) { input.addEventListener("change", () => onChange(value)); }
    set.append(el("label", { class: "option", for: input.id }, input, " ", t(labelKey)));
  }
  return set;
}

/** The locale of dates and numbers in the page's language. */
function dateLocale() { return lang === "de" ? "de-DE" : "en-GB"; }

/** A date and time in the page's language. */
function when(instant) {
  return new Date(instant).toLocaleString(dateLocale());
}

let messageTimer = null;
// The page a message belongs to. Opening another page clears it; a message shown right after the
// address changed (signed out, account deleted, password reset) belongs to the page it leads to.
let messagePage = null;

function message(text, kind) {
  const box = document.getElementById("message");
  messagePage = location.hash;
  box.replaceChildren(el("div", { class: kind || "ok" }, text));
  // An older message's timer must not clear this one.
  window.clearTimeout(messageTimer);
  messageTimer = window.setTimeout(() => box.replaceChildren(), kind === "error" ? 10000 : 5000);
}

/** The text of an error code in the page's language, with its values filled in; null when the code has none. */
function codeText(code, params) {
  const key = "code_" + code;
  if (!code || !(TEXT[lang][key] || TEXT.de[key])) { return null; }
  const values = Object.assign({}, params || {});
  // Role names in the page's language (the API sends their ids).
  if (typeof values.roles === "string") { values.roles = values.roles.split(", ").map((role) => textOr("role_" + role, role)).join(", "); }
  return textWith(key, values);
}

/** What went wrong, in the page's language: the text of the API's code, else the kind of problem and the API's own detail. */
function errorText(error) {
  if (!error.status) { return t("err_network"); }
  // A refused password is explained in the page's language by the API itself (with the checker's hints).
  if (error.explanation) { return (codeText("weak_password") || "") + " " + error.explanation; }
  const known = codeText(error.code, Object.assign({ count: (error.fields || []).length }, error.params));
  if (known) { return known; }
  const kind = TEXT[lang]["err_" + error.status] || t("error") + " " + error.status;
  return error.detail ? kind + ": " + error.detail : kind;
}

// The form last sent: an error that names its fields is shown next to each of them.
let lastForm = null;

/** The input of a form that an API field names ("nickname", or "consents.<purpose>" for a consent box). */
function fieldInput(form, name) {
  const id = name.startsWith("consents.") ? "consent-" + name.slice("consents.".length) : name;
  const kebab = id.replace(/[A-Z]/g, (letter) => "-" + letter.toLowerCase()); // newPassword: #new-password
  return form.querySelector("#" + CSS.escape(id)) || form.querySelector("#" + CSS.escape(kebab))
    || form.querySelector("[name='" + CSS.escape(name) + "']");
}

/** Removes the field errors of a form (before it is sent again). */
function clearFieldErrors(form) {
  for (const problem of form.querySelectorAll(".field-error")) { problem.remove(); }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
    const rest = (input.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-error"));
    if (rest.length) { input.setAttribute("aria-describedby", rest.join(" ")); } else { input.removeAttribute("aria-describedby"); }
  }
}

/** Shows each field problem of `error` next to its input (aria-invalid, aria-describedby); returns those it has no input for. */
function showFieldErrors(form, error) {
  const unplaced = [];
  let first = null;
  for (const problem of error.fields || []) {
    const input = fieldInput(form, problem.field);
    if (!input) { unplaced.push(problem); continue; }
    const id = input.id + "-error";
    let note = form.querySelector("#" + CSS.escape(id));
    const text = (error.explanation && problem.code === error.code) ? error.explanation : codeText(problem.code, problem.params) || t("err_400");
    if (note) { note.append(" ", text); } else {
      note = el("p", { class: "field-error", id }, text);
      // After the input, or after the label a checkbox sits in.
      const anchor = input.closest("label") || input;
      anchor.after(note);
    }
    input.setAttribute("aria-invalid", "true");
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== id);
    input.setAttribute("aria-describedby", described.concat(id).join(" "));
    if (!first) { first = input; }
  }
  if (first) { first.focus({ preventScroll: false }); }
  return unplaced;
}

/** Shows what went wrong in plain words, in the page's language; the problems of a form's fields next to each field. */
async function failed(error) {
  if (error.status === 401 && me) {
    await loadMe(); // a wrong confirmation password is a 401 too; only an ended session signs out
    if (!me) { signedOut(t("err_401")); return; }
  }
  const form = lastForm && lastForm.isConnected ? lastForm : null;
  const fields = error.fields || [];
  const unplaced = form ? showFieldErrors(form, error) : fields;
  // Problems of fields this page has no input for are said in the message itself.
  const said = unplaced.map((problem) => (error.explanation && problem.code === error.code ? error.explanation
    : codeText(problem.code, problem.params))).filter((text) => text);
  const text = said.length === 0 ? errorText(error) : unplaced.length === fields.length ? said.join(" ") : errorText(error) + " " + said.join(" ");
  message(text, "error");
}

/** Calls the JSON API. A failure throws an Error with `status` and the API's `detail`; never a stack trace on the page. */
async function api(method, path, body, contentType) {
  const headers = {};
  const raw = contentType !== undefined;
  if (body !== undefined) { headers["Content-Type"] = raw ? contentType : "application/json"; }
  const csrf = window.sessionStorage.getItem("csrf");
  if (csrf && method !== "GET") { headers["X-CSRF-Token"] = csrf; }
  let response;
  try {
    response = await fetch(path, { method, headers, credentials: "same-origin",
      body: body === undefined ? undefined : (raw ? body : JSON.stringify(body)) });
  } catch (e) {
    const error = new Error(t("err_network"));
    error.status = 0;
    throw error;
  }
  const text = await response.text();
  let data = null;
  try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
  if (!response.ok) {
    const error = new Error((data && data.message) || response.statusText || String(response.status));
    error.status = response.status;
    error.detail = data && data.message;
    // The error contract: a stable code with its values, and every problem of a form's fields.
    error.code = data && data.code;
    error.params = (data && data.params) || {};
    error.fields = data && Array.isArray(data.fields) ? data.fields : null;
    // A refused password is explained in the page's language (security.js).
    error.explanation = data && data.explanation ? data.explanation[lang] : null;
    throw error;
  }
  return data;
}

function translateStatic() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-i18n]")) { node.textContent = t(node.dataset.i18n); }
  document.getElementById("lang").value = lang;
}

/** Opens or closes the menu on a narrow screen (on a wide one it is always shown and the button hidden). */
function setMenu(open) {
  document.getElementById("menu-toggle").setAttribute("aria-expanded", String(open));
  document.querySelector("header.top").classList.toggle("menu-open", open);
}

function allowed(p) {
  return me && (p.roles.length === 0 || p.roles.some((role) => me.roles.includes(role)));
}

/** The menu: the pages this person's roles can use, or sign-in and registration. */
function renderNav() {
  const nav = document.getElementById("nav");
  const links = me ? PAGES.filter((p) => p.label && allowed(p)).map((p) => ["#" + p.path, t(p.label)])
    : [["#/signin", t("signIn")], ["#/register", t("register")]];
  nav.replaceChildren(...links.map(([href, label]) => el("a", { href, "aria-current": location.hash === href ? "page" : false }, label)));
  document.getElementById("signout").hidden = !me;
}

/** Each role's main page, the most specific role first: a mentor who also plans lands on her mentees. */
const HOME_BY_ROLE = [["operator", "/accounts"], ["auditor", "/verification"], ["mentor", "/mentees"], ["supervisor", "/supervision"],
  ["employer", "/employees"], ["mentee", "/smoff-time"]];

function homePage() {
  const home = me && HOME_BY_ROLE.find(([role, path]) => me.roles.includes(role) && PAGES.some((p) => p.path === path && allowed(p)));
  if (home) { return "#" + home[1]; }
  const first = PAGES.find((p) => p.label && allowed(p));
  return first ? "#" + first.path : "#/home";
}

function viewSignIn(main) {
  const form = el("form", { class: "card", novalidate: true },
    ...field("nickname", "nickname", el("input", { id: "nickname", type: "text", autocomplete: "username", required: true })),
    ...field("password", "password", el("input", { id: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit" }, t("signIn")),
    el("p", {}, el("a", { href: "#/forgot-password", id: "forgot-link" }, t("sec_forgot"))));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const result = await api("POST", "/api/session", { nickname: form.nickname.value, password: form.password.value });
      window.sessionStorage.setItem("csrf", result.csrfToken);
      await loadMe();
      location.hash = homePage();
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("signInTitle")), form);
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
      const account = await api("POST", "/api/accounts", { nickname: form.nickname.value, password: form.password.value,
        email: form.email.value || null, language: lang, consents });
      // The new account is signed in at once; its recovery codes are shown once (security.js), then its first page.
      window.sessionStorage.setItem("csrf", account.csrfToken);
      await loadMe();
      renderNav();
      showRecoveryCodes(main, account.recoveryCodes, () => { location.hash = homePage(); message(t("created")); });
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("registerTitle")), form);
}

/**
 * An account given a role after registration (made by the operator, or made a mentor) has not
 * decided the notices of that role yet (R27): it decides them here before anything else.
 */
async function viewTermsToGive(main) {
  const lists = await Promise.all(me.roles.map((role) => api("GET", "/api/notices?role=" + encodeURIComponent(role) + "&lang=" + lang)));
  const notices = new Map();
  for (const list of lists) {
    for (const notice of list.notices) { if (me.consentsToGive.includes(notice.purpose)) { notices.set(notice.purpose, notice); } }
  }
  const form = el("form", { class: "card", id: "terms-form", novalidate: true }, el("p", { class: "hint" }, t("termsIntro")));
  for (const notice of notices.values()) {
    const box = el("input", { type: "checkbox", id: "consent-" + notice.purpose, "data-required": notice.required ? "true" : "false" });
    form.append(el("div", { class: "notice", "data-purpose": notice.purpose },
      el("h2", {}, notice.title + " — " + (notice.required ? t("required") : t("optional"))),
      el("p", {}, notice.text),
      el("label", { class: "choice", for: box.id }, box, t("agree")),
      el("p", { class: "hint" }, notice.required ? t("termsRequiredHint") : notice.refusing)));
  }
  form.append(el("button", { type: "submit" }, t("termsSave")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const boxes = [...form.querySelectorAll("input[type=checkbox]")];
    if (boxes.some((box) => box.dataset.required === "true" && !box.checked)) { message(t("termsMissing"), "error"); return; }
    try {
      for (const box of boxes) {
        await api("POST", "/api/me/consents", { purpose: box.id.slice("consent-".length), granted: box.checked, language: lang });
      }
      await loadMe();
      message(t("saved"));
      route();
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("termsTitle")), form);
}

function viewNoPage(main) {
  fill(main, el("h1", {}, t("signedInAs") + " " + me.nickname),
    el("p", { class: "hint" }, me.roles.map((role) => t("role_" + role)).join(", ")), el("p", {}, t("noPage")));
}

/** Forgets the session in this tab and shows the sign-in page, with a message if one is given. */
function signedOut(text) {
  window.sessionStorage.removeItem("csrf");
  me = null;
  // Changing the address renders the sign-in page (hashchange); only an unchanged one needs route().
  if (location.hash === "#/signin") { route(); } else { location.hash = "#/signin"; }
  // Nothing of the previous person's session stays on screen for the next one.
  window.clearTimeout(messageTimer);
  document.getElementById("message").replaceChildren();
  if (text) { message(text); }
}

async function loadMe() {
  try { me = await api("GET", "/api/me"); } catch (error) { me = null; }
  // A second tab of the session has no token of its own yet: the session hands it out (same origin only).
  if (me && me.csrfToken) { window.sessionStorage.setItem("csrf", me.csrfToken); }
}

async function route() {
  if (!location.hash || location.hash === "#/") { location.hash = me ? homePage() : "#/signin"; }
  const hash = location.hash;
  if (messagePage !== null && messagePage !== hash) {
    window.clearTimeout(messageTimer);
    document.getElementById("message").replaceChildren();
    messagePage = null;
  }
  renderNav();
  // Each render gets its own container: when a slower, older render finishes after a newer one, it
  // fills a container that is no longer on the page instead of replacing the page the person is on.
  const loading = el("p", { class: "hint" }, t("loading"));
  const main = el("div", { class: "page", "aria-busy": "true" }, loading);
  document.getElementById("main").replaceChildren(main);
  try {
    if (hash === "#/register") { await viewRegister(main); return; }
    if (hash === "#/forgot-password" && !me) { viewForgotPassword(main); return; }
    if (!me) { viewSignIn(main); return; }
    if (me.passwordChangeRequired) { viewPasswordChangeRequired(main); return; }
    if (me.consentsToGive && me.consentsToGive.length > 0 && hash !== "#/my-data") { await viewTermsToGive(main); return; }
    for (const p of PAGES) {
      const match = p.pattern.exec(hash);
      if (match && allowed(p)) {
        await p.view(main, Object.fromEntries(Object.entries(match.groups || {}).map(([k, v]) => [k, decodeURIComponent(v)])));
        // Until it is read once, every page starts with the explanation of Smoff-Time and the roles (self-service.js).
        if (me.welcomeSeen === false && main.querySelector("h1")) { main.querySelector("h1").after(welcomeCard()); }
        if (main.isConnected) { document.getElementById("main").focus({ preventScroll: true }); }
        return;
      }
    }
    viewNoPage(main);
  } catch (error) {
    if (main.isConnected) {
      if (main.firstChild === loading) { fill(main, el("h1", {}, t("pageFailed")), el("p", {}, t("pageFailedHint"))); }
      failed(error);
    }
  } finally {
    main.removeAttribute("aria-busy");
  }
}

document.addEventListener("DOMContentLoaded", async () => {
  // Before a form's own handler: the form being sent, its earlier field errors gone.
  document.addEventListener("submit", (event) => {
    lastForm = event.target;
    clearFieldErrors(event.target);
  }, true);
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
  // Another page: the phone menu closes.
  window.addEventListener("hashchange", () => {
    setMenu(false);
    route();
  });
  document.getElementById("menu-toggle").addEventListener("click", () => {
    setMenu(document.getElementById("menu-toggle").getAttribute("aria-expanded") !== "true");
  });
  translateStatic();
  await loadMe();
  route();
});
