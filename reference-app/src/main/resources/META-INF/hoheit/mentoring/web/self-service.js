// Smoffen web console: the pages every signed-in person has about themselves (R6, R10, R11, R18, R25).
"use strict";

addText({
  de: {
    accessLog: "Wer hat meine Daten gesehen", noViews: "Niemand hat Ihre Daten gesehen.",
    viewed: "hat angesehen", denied: "wurde abgewiesen beim Versuch, anzusehen",
    what_smoff_sessions: "Ihre Smoff-Time", what_plans: "Ihre Pläne", what_pictures: "Ihre Bilder", what_picture: "ein Bild", what_assessment: "Ihre Bewertung",
    consents: "Meine Einwilligungen", myData: "Meine Daten",
    consentsIntro: "Sie können jede Einwilligung jederzeit widerrufen. Erforderliche Einwilligungen zu widerrufen löscht Ihr Konto.",
    cstatus_granted: "erteilt", cstatus_refused: "abgelehnt", cstatus_withdrawn: "widerrufen", cstatus_expired: "abgelaufen", cstatus_undecided: "noch nicht entschieden",
    grant: "Einwilligen", withdraw: "Widerrufen", withdrawRequired: "Widerrufen löscht Ihr Konto endgültig.",
    confirmDelete: "Ja, Konto löschen", newNotice: "Es gibt eine neue Fassung dieses Hinweises.",
    exportTitle: "Alle meine Daten herunterladen", exportIntro: "Ein ZIP-Archiv mit allem, was Smoffen über Sie speichert (maschinenlesbar).",
    download: "Herunterladen", deleteTitle: "Konto löschen",
    deleteIntro: "Löscht Ihr Konto und alle Ihre Daten in jedem Speicher. Bestätigen Sie mit Ihrem Passwort.",
    deleteAccount: "Konto endgültig löschen", deleted: "Ihr Konto und Ihre Daten sind gelöscht."
  },
  en: {
    accessLog: "Who viewed my data", noViews: "Nobody has viewed your data.",
    viewed: "viewed", denied: "was refused when trying to view",
    what_smoff_sessions: "your Smoff-Time", what_plans: "your plans", what_pictures: "your pictures", what_picture: "a picture", what_assessment: "your assessment",
    consents: "My consents", myData: "My data",
    consentsIntro: "You can withdraw any consent at any time. Withdrawing a required consent deletes your account.",
    cstatus_granted: "given", cstatus_refused: "refused", cstatus_withdrawn: "withdrawn", cstatus_expired: "expired", cstatus_undecided: "not decided yet",
    grant: "Consent", withdraw: "Withdraw", withdrawRequired: "Withdrawing deletes your account for good.",
    confirmDelete: "Yes, delete my account", newNotice: "There is a newer version of this notice.",
    exportTitle: "Download all my data", exportIntro: "A ZIP archive of everything Smoffen stores about you (machine-readable).",
    download: "Download", deleteTitle: "Delete my account",
    deleteIntro: "Deletes your account and all your data in every store. Confirm with your password.",
    deleteAccount: "Delete my account for good", deleted: "Your account and your data are deleted."
  }
});

page("/access-log", [], "accessLog", async (main) => {
  const data = await api("GET", "/api/me/access-log");
  const items = data.views.map((v) => el("li", { class: "card view", "data-outcome": v.outcome },
    el("time", { datetime: v.at }, when(v.at)), el("br"),
    el("strong", {}, v.who), " (" + t("role_" + v.role) + ") ", v.outcome === "allowed" ? t("viewed") : t("denied"), " ",
    t("what_" + v.what.replace(/-/g, "_"))));
  main.replaceChildren(el("h1", {}, t("accessLog")),
    items.length === 0 ? el("p", {}, t("noViews")) : el("ol", { class: "plain timeline" }, ...items));
});

page("/consents", [], "consents", async (main) => {
  const data = await api("GET", "/api/me/consents");
  const change = (c, granted, confirm) => async () => {
    try {
      const result = await api("POST", "/api/me/consents", { purpose: c.purpose, granted, confirm, language: lang });
      if (result && result.erasureId) { signedOut(t("deleted")); return; }
      route();
    } catch (error) { failed(error); }
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
});

page("/my-data", [], "myData", (main) => {
  const form = el("form", { class: "card", novalidate: true },
    el("h2", {}, t("deleteTitle")), el("p", { class: "hint" }, t("deleteIntro")),
    ...field("password", "password", el("input", { id: "password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit", class: "danger" }, t("deleteAccount")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("DELETE", "/api/me", { password: form.password.value });
      signedOut(t("deleted"));
    } catch (error) { failed(error); }
  });
  main.replaceChildren(el("h1", {}, t("myData")),
    el("section", { class: "card" }, el("h2", {}, t("exportTitle")), el("p", { class: "hint" }, t("exportIntro")),
      el("a", { class: "button", href: "/api/me/export", download: "smoffen-export.zip", id: "export" }, t("download"))),
    form);
});
