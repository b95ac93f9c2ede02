// Smoffen web console: notifications (R21). What Smoffen told me, newest first, and what I want to be
// told: messages and mentoring news can be switched off, service messages about my own data cannot;
// e-mail copies only if I gave an address and switch them on. Nothing is tracked.
"use strict";

addText({
  de: {
    nt_menu: "Benachrichtigungen", nt_title: "Benachrichtigungen",
    nt_intro: "Hier sehen Sie, was Smoffen Ihnen mitgeteilt hat, und wählen, worüber Sie informiert werden. Dienstmitteilungen über Ihre eigenen Daten und Ihr Konto erhalten Sie immer. Niemand erfährt, ob oder wann Sie eine Benachrichtigung lesen.",
    nt_none: "Keine Benachrichtigungen.", nt_unread: "{n} ungelesen", nt_markRead: "Alle als gelesen markieren", nt_new: "neu",
    nt_more: "Ältere anzeigen",
    nt_settings: "Worüber Sie informiert werden", nt_inApp: "in Smoffen", nt_email: "per E-Mail", nt_save: "Einstellungen speichern",
    nt_saved: "Ihre Einstellungen sind gespeichert.", nt_always: "immer (Dienstmitteilung)",
    nt_emailOff: "E-Mails verschickt dieser Betrieb nicht (kein Mailserver eingerichtet).",
    nt_emailHint: "E-Mails sagen nur, dass es etwas Neues gibt, nie von wem oder was; sie brauchen eine E-Mail-Adresse unter „Meine Daten“.",
    nt_kind_messages: "Neue Nachrichten", nt_kind_mentoring: "Mentoring: Anfragen, Zuweisungen, Freigaben, Mentorenrechte",
    nt_kind_service: "Dienstmitteilungen: Einschränkung, Datenexport, Datenschutz-Anfragen",
    nt_ev_message: "{who} hat Ihnen eine Nachricht geschrieben.", "nt_ev_mentor-request": "{who} möchte Sie als Mentor.",
    nt_ev_assignment: "Der Betreiber schlägt Ihnen {who} als Mentor vor. Sie entscheiden unter „Meine Mentoren“.",
    "nt_ev_grant-accepted": "{who} hat die Mentor-Beziehung angenommen.", "nt_ev_grant-ended": "{who} hat die Mentor-Beziehung beendet oder abgelehnt.",
    "nt_ev_mentor-rights": "Sie haben Mentorenrechte erhalten.", "nt_ev_mentor-rights-withdrawn": "Ihre Mentorenrechte wurden entzogen.",
    nt_ev_restricted: "Die Verarbeitung Ihrer Daten ist eingeschränkt: niemand sieht sie, bis Sie die Einschränkung aufheben.",
    "nt_ev_restriction-lifted": "Die Einschränkung ist aufgehoben.",
    nt_ev_export: "Ihre Daten wurden exportiert. Waren Sie das nicht, ändern Sie Ihr Passwort.",
    "nt_ev_privacy-answered": "Der Betreiber hat Ihre Datenschutz-Anfrage beantwortet.",
    "nt_ev_privacy-extended": "Der Betreiber hat die Frist Ihrer Datenschutz-Anfrage verlängert und nennt den Grund."
  },
  en: {
    nt_menu: "Notifications", nt_title: "Notifications",
    nt_intro: "See what Smoffen told you and choose what you are told about. Service messages about your own data and account always reach you. Nobody learns whether or when you read a notification.",
    nt_none: "No notifications.", nt_unread: "{n} unread", nt_markRead: "Mark all as read", nt_new: "new",
    nt_more: "Show older",
    nt_settings: "What you are told about", nt_inApp: "in Smoffen", nt_email: "by e-mail", nt_save: "Save settings",
    nt_saved: "Your settings are saved.", nt_always: "always (service message)",
    nt_emailOff: "This installation sends no e-mails (no mail server set up).",
    nt_emailHint: "E-mails only say that there is something new, never from whom or what; they need an e-mail address under “My data”.",
    nt_kind_messages: "New messages", nt_kind_mentoring: "Mentoring: requests, assignments, grants, mentor rights",
    nt_kind_service: "Service messages: restriction, data export, privacy requests",
    nt_ev_message: "{who} sent you a message.", "nt_ev_mentor-request": "{who} asked you to be their mentor.",
    nt_ev_assignment: "The operator proposes {who} as your mentor. You decide under “My mentors”.",
    "nt_ev_grant-accepted": "{who} accepted the mentor relation.", "nt_ev_grant-ended": "{who} ended or declined the mentor relation.",
    "nt_ev_mentor-rights": "You were given mentor rights.", "nt_ev_mentor-rights-withdrawn": "Your mentor rights were withdrawn.",
    nt_ev_restricted: "The processing of your data is restricted: nobody sees it until you lift the restriction.",
    "nt_ev_restriction-lifted": "The restriction was lifted.",
    nt_ev_export: "Your data was exported. If this was not you, change your password.",
    "nt_ev_privacy-answered": "The operator answered your privacy request.",
    "nt_ev_privacy-extended": "The operator extended the deadline of your privacy request and says why."
  }
});

page("/notifications", [], "nt_menu", async (main) => {
  const [first, settings] = await Promise.all([api("GET", "/api/me/notifications"), api("GET", "/api/me/notification-settings")]);
  const list = el("ol", { class: "plain timeline", id: "notifications" });
  const unread = el("p", { id: "nt-unread", class: "hint" });
  const more = el("button", { type: "button", class: "secondary", id: "nt-more" }, t("nt_more"));
  let next = null;
  const show = (page) => {
    list.append(...page.notifications.map((n) => el("li", { class: "card notification", "data-event": n.event, "data-read": String(n.read) },
      el("time", { datetime: n.at }, when(n.at)), n.read ? "" : el("strong", { class: "badge" }, " " + t("nt_new")), el("br"),
      textWith("nt_ev_" + n.event, { who: (n.params && n.params.who) || "" }))));
    unread.textContent = textWith("nt_unread", { n: page.unread });
    next = page.next;
    more.hidden = next === null;
  };
  more.addEventListener("click", async () => {
    try { show(await api("GET", "/api/me/notifications?before=" + encodeURIComponent(next))); } catch (error) { failed(error); }
  });
  const markRead = el("button", { type: "button", class: "secondary", id: "nt-mark-read" }, t("nt_markRead"));
  markRead.addEventListener("click", async () => {
    try { await api("POST", "/api/me/notifications/read", {}); route(); } catch (error) { failed(error); }
  });

  const rows = settings.settings.map((s) => {
    const inApp = el("input", { type: "checkbox", id: "nt-app-" + s.kind, checked: s.inApp, disabled: !s.switchable });
    const email = el("input", { type: "checkbox", id: "nt-email-" + s.kind, checked: s.email, disabled: !settings.emailAvailable });
    return el("tr", { "data-kind": s.kind }, el("th", { scope: "row" }, t("nt_kind_" + s.kind)),
      el("td", {}, el("label", { class: "choice", for: inApp.id }, inApp, " " + (s.switchable ? t("nt_inApp") : t("nt_always")))),
      el("td", {}, el("label", { class: "choice", for: email.id }, email, " " + t("nt_email"))));
  });
  const form = el("form", { class: "card", id: "nt-settings", novalidate: true }, el("h2", {}, t("nt_settings")),
    el("table", {}, el("tbody", {}, ...rows)),
    el("p", { class: "hint" }, settings.emailAvailable ? t("nt_emailHint") : t("nt_emailOff")),
    el("button", { type: "submit" }, t("nt_save")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("PUT", "/api/me/notification-settings", { settings: settings.settings.map((s) => ({ kind: s.kind,
        inApp: document.getElementById("nt-app-" + s.kind).checked, email: document.getElementById("nt-email-" + s.kind).checked })) });
      message(t("nt_saved"));
    } catch (error) { failed(error); }
  });
  show(first);
  fill(main, el("h1", {}, t("nt_title")), el("p", { class: "hint" }, t("nt_intro")), unread, markRead,
    first.notifications.length === 0 ? el("p", { class: "hint", id: "nt-none" }, t("nt_none")) : list, more, form);
});
