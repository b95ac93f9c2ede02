// Smoffen web console: account security. Changing the password (every other session ends), the
// forced change of a password someone else issued, my sessions, recovery codes (shown once), setting
// a new password with a recovery or reset code, and the operator's reset code for an account.
"use strict";

addText({
  de: {
    sec_menu: "Sicherheit", sec_title: "Sicherheit Ihres Kontos",
    sec_change: "Passwort ändern", sec_current: "Aktuelles Passwort", sec_new: "Neues Passwort", sec_repeat: "Neues Passwort wiederholen",
    sec_changeHint: "Mehrere ungewöhnliche Wörter, die Sie sich merken können, sind ein gutes Passwort. Häufige Passwörter lehnen wir ab. Nach der Änderung enden alle Ihre anderen Sitzungen.",
    sec_changeButton: "Passwort ändern", sec_mismatch: "Die beiden neuen Passwörter stimmen nicht überein.",
    sec_changed: "Ihr Passwort ist geändert. Andere Sitzungen beendet: {n}.",
    sec_forcedTitle: "Bitte wählen Sie Ihr eigenes Passwort",
    sec_forcedIntro: "Ihr Passwort hat Ihnen jemand anderes gegeben (der Betreiber oder ein Zurücksetzen). Bevor Sie Smoffen nutzen, wählen Sie ein Passwort, das nur Sie kennen. Bis dahin ist nichts anderes möglich.",
    sec_sessions: "Meine Sitzungen", sec_sessionsIntro: "Wo Ihr Konto gerade angemeldet ist (höchstens {max} Sitzungen; eine weitere Anmeldung beendet die älteste).",
    sec_thisSession: "diese Sitzung", sec_created: "angemeldet", sec_lastUsed: "zuletzt genutzt", sec_unknownBrowser: "unbekannter Browser",
    sec_endSession: "Abmelden", sec_endOthers: "Überall sonst abmelden", sec_ended: "Sitzung beendet.", sec_othersEnded: "Andere Sitzungen beendet: {n}.",
    sec_codes: "Wiederherstellungscodes",
    sec_codesIntro: "Mit einem Wiederherstellungscode setzen Sie ein neues Passwort, wenn Sie Ihres vergessen haben. Jeder Code gilt einmal.",
    sec_codesLeft: "Noch gültig: {left} von {total}.", sec_codesNone: "Sie haben keine Wiederherstellungscodes.",
    sec_codeUsed: "Ein Code wurde benutzt am", sec_regenerate: "Neue Codes erzeugen",
    sec_regenerateHint: "Neue Codes ersetzen alle bisherigen. Bitte bestätigen Sie mit Ihrem Passwort.",
    sec_resetCodes: "Rücksetzcodes des Betreibers", sec_resetIssued: "ausgestellt", sec_resetExpires: "gültig bis", sec_resetUsed: "benutzt",
    sec_resetUnused: "nicht benutzt",
    sec_showTitle: "Ihre Wiederherstellungscodes",
    sec_showIntro: "Bewahren Sie diese Codes sicher auf (ausdrucken oder in einem Passwortmanager). Sie werden nur dieses eine Mal gezeigt. Ohne E-Mail-Adresse sind sie Ihr Weg zurück, wenn Sie Ihr Passwort vergessen.",
    sec_saved: "Ich habe die Codes gespeichert",
    sec_forgot: "Passwort vergessen?", sec_forgotTitle: "Neues Passwort setzen",
    sec_forgotIntro: "Geben Sie Ihren Spitznamen, einen Ihrer Wiederherstellungscodes oder einen Rücksetzcode des Betreibers und ein neues Passwort ein. Danach enden alle Sitzungen Ihres Kontos.",
    sec_code: "Wiederherstellungs- oder Rücksetzcode", sec_resetButton: "Neues Passwort setzen",
    sec_resetDone: "Ihr neues Passwort gilt. Bitte melden Sie sich an. Noch gültige Wiederherstellungscodes: {left}.",
    op_resetCode: "Rücksetzcode ausstellen", op_resetCodeIssued: "Rücksetzcode für {nickname} (einmal gültig bis {until}): {code}",
    op_resetCodeHint: "Geben Sie den Code nur der Person selbst. Sie setzt damit unter „Passwort vergessen?“ ein neues Passwort; sie sieht, dass Sie ihn ausgestellt haben.",
    act_update_password: "Ihr Passwort wurde geändert.", "act_create_recovery-codes": "Sie haben neue Wiederherstellungscodes erzeugt.",
    "act_update_recovery-codes": "Bestätigung für neue Wiederherstellungscodes"
  },
  en: {
    sec_menu: "Security", sec_title: "Your account's security",
    sec_change: "Change password", sec_current: "Current password", sec_new: "New password", sec_repeat: "Repeat the new password",
    sec_changeHint: "Several unusual words you can remember make a good password. We refuse common passwords. After the change, all your other sessions end.",
    sec_changeButton: "Change password", sec_mismatch: "The two new passwords differ.",
    sec_changed: "Your password is changed. Other sessions ended: {n}.",
    sec_forcedTitle: "Please choose your own password",
    sec_forcedIntro: "Someone else gave you your password (the operator, or a reset). Before you use Smoffen, choose a password only you know. Nothing else is possible until then.",
    sec_sessions: "My sessions", sec_sessionsIntro: "Where your account is signed in now (at most {max} sessions; one more sign-in ends the oldest).",
    sec_thisSession: "this session", sec_created: "signed in", sec_lastUsed: "last used", sec_unknownBrowser: "unknown browser",
    sec_endSession: "Sign out", sec_endOthers: "Sign out everywhere else", sec_ended: "Session ended.", sec_othersEnded: "Other sessions ended: {n}.",
    sec_codes: "Recovery codes",
    sec_codesIntro: "With a recovery code you set a new password when you forgot yours. Each code works once.",
    sec_codesLeft: "Still valid: {left} of {total}.", sec_codesNone: "You have no recovery codes.",
    sec_codeUsed: "A code was used on", sec_regenerate: "Create new codes",
    sec_regenerateHint: "New codes replace all earlier ones. Please confirm with your password.",
    sec_resetCodes: "The operator's reset codes", sec_resetIssued: "issued", sec_resetExpires: "valid until", sec_resetUsed: "used",
    sec_resetUnused: "not used",
    sec_showTitle: "Your recovery codes",
    sec_showIntro: "Keep these codes safe (print them or put them in a password manager). They are shown only this once. Without an e-mail address they are your way back if you forget your password.",
    sec_saved: "I have saved the codes",
    sec_forgot: "Forgot your password?", sec_forgotTitle: "Set a new password",
    sec_forgotIntro: "Enter your nickname, one of your recovery codes or a reset code from the operator, and a new password. Every session of your account ends then.",
    sec_code: "Recovery or reset code", sec_resetButton: "Set new password",
    sec_resetDone: "Your new password works. Please sign in. Recovery codes still valid: {left}.",
    op_resetCode: "Issue a reset code", op_resetCodeIssued: "Reset code for {nickname} (valid once, until {until}): {code}",
    op_resetCodeHint: "Give the code to the person only. She sets a new password with it under “Forgot your password?”; she sees that you issued it.",
    act_update_password: "Your password was changed.", "act_create_recovery-codes": "You created new recovery codes.",
    "act_update_recovery-codes": "Confirmation for new recovery codes"
  }
});

/** Three password fields: current, new, new repeated; `submit` gets (current, new). */
function passwordChangeForm(id, buttonKey, submit) {
  const form = el("form", { class: "card", id, novalidate: true },
    ...field("current-password", "sec_current", el("input", { id: "current-password", type: "password", autocomplete: "current-password", required: true })),
    ...field("new-password", "sec_new", el("input", { id: "new-password", type: "password", autocomplete: "new-password", required: true, minlength: 10,
      "aria-describedby": id + "-hint" })),
    ...field("new-password-repeat", "sec_repeat", el("input", { id: "new-password-repeat", type: "password", autocomplete: "new-password", required: true })),
    el("p", { class: "hint", id: id + "-hint" }, t("sec_changeHint")),
    el("button", { type: "submit" }, t(buttonKey)));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form["new-password"].value !== form["new-password-repeat"].value) { message(t("sec_mismatch"), "error"); return; }
    try {
      const result = await api("POST", "/api/me/password", { currentPassword: form["current-password"].value, newPassword: form["new-password"].value });
      form.reset();
      await submit(result);
    } catch (error) { failed(error); }
  });
  return form;
}

/** The only page of an account whose password someone else issued, until it is changed. */
function viewPasswordChangeRequired(main) {
  const form = passwordChangeForm("forced-password-form", "sec_changeButton", async (result) => {
    await loadMe();
    message(textWith("sec_changed", { n: result.otherSessionsEnded }));
    route();
  });
  fill(main, el("h1", {}, t("sec_forcedTitle")), el("p", { class: "warning" }, t("sec_forcedIntro")), form);
}

/** Recovery codes, shown once, then `done()`. */
function showRecoveryCodes(main, codes, done) {
  document.getElementById("message").replaceChildren(); // an earlier refusal is settled now
  const button = el("button", { type: "button", id: "codes-saved" }, t("sec_saved"));
  button.addEventListener("click", done);
  fill(main, el("h1", {}, t("sec_showTitle")), el("p", { class: "warning" }, t("sec_showIntro")),
    el("ol", { class: "card codes", id: "recovery-codes" }, ...codes.map((code) => el("li", {}, el("code", {}, code)))), button);
  button.focus();
}

/** Setting a new password with a recovery or reset code, without signing in. */
function viewForgotPassword(main) {
  const form = el("form", { class: "card", id: "forgot-form", novalidate: true },
    el("p", { class: "hint" }, t("sec_forgotIntro")),
    ...field("nickname", "nickname", el("input", { id: "nickname", type: "text", autocomplete: "username", required: true })),
    ...field("code", "sec_code", el("input", { id: "code", type: "text", autocomplete: "one-time-code", required: true, spellcheck: "false" })),
    ...field("new-password", "sec_new", el("input", { id: "new-password", type: "password", autocomplete: "new-password", required: true, minlength: 10 })),
    ...field("new-password-repeat", "sec_repeat", el("input", { id: "new-password-repeat", type: "password", autocomplete: "new-password", required: true })),
    el("button", { type: "submit" }, t("sec_resetButton")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (form["new-password"].value !== form["new-password-repeat"].value) { message(t("sec_mismatch"), "error"); return; }
    try {
      const result = await api("POST", "/api/password-reset", { nickname: form.nickname.value, code: form.code.value,
        newPassword: form["new-password"].value });
      location.hash = "#/signin";
      message(textWith("sec_resetDone", { left: result.recoveryCodesLeft }));
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("sec_forgotTitle")), form);
}

page("/security", [], "sec_menu", async (main) => {
  const [sessions, codes] = await Promise.all([api("GET", "/api/me/sessions"), api("GET", "/api/me/recovery-codes")]);
  const change = passwordChangeForm("password-form", "sec_changeButton", async (result) => {
    message(textWith("sec_changed", { n: result.otherSessionsEnded }));
    route();
  });

  const list = el("ul", { class: "plain", id: "sessions" }, ...sessions.sessions.map((s) => {
    const end = el("button", { type: "button", class: "secondary", "data-action": "end-session" }, t("sec_endSession"));
    end.addEventListener("click", async () => {
      try {
        await api("DELETE", "/api/me/sessions/" + encodeURIComponent(s.id));
        if (s.current) { signedOut(t("sec_ended")); return; }
        message(t("sec_ended"));
        route();
      } catch (error) { failed(error); }
    });
    return el("li", { class: "card session", "data-current": String(s.current) },
      el("strong", {}, s.userAgent || t("sec_unknownBrowser")), s.current ? " (" + t("sec_thisSession") + ")" : "", el("br"),
      el("span", { class: "hint" }, t("sec_created") + " ", el("time", { datetime: s.createdAt }, when(s.createdAt)), " · "
        + t("sec_lastUsed") + " ", el("time", { datetime: s.lastUsedAt }, when(s.lastUsedAt))), " ", end);
  }));
  const others = el("button", { type: "button", id: "end-others", disabled: sessions.sessions.length < 2 }, t("sec_endOthers"));
  others.addEventListener("click", async () => {
    try {
      const result = await api("DELETE", "/api/me/sessions");
      message(textWith("sec_othersEnded", { n: result.ended }));
      route();
    } catch (error) { failed(error); }
  });

  const regenerate = el("form", { class: "card", id: "codes-form", novalidate: true },
    el("p", { class: "hint" }, t("sec_regenerateHint")),
    ...field("codes-password", "sec_current", el("input", { id: "codes-password", type: "password", autocomplete: "current-password", required: true })),
    el("button", { type: "submit" }, t("sec_regenerate")));
  regenerate.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const result = await api("POST", "/api/me/recovery-codes", { currentPassword: regenerate["codes-password"].value });
      showRecoveryCodes(main, result.recoveryCodes, () => route());
    } catch (error) { failed(error); }
  });
  const codeStatus = el("p", { id: "codes-status" }, codes.recoveryCodes === 0 ? t("sec_codesNone")
    : textWith("sec_codesLeft", { left: codes.recoveryCodesLeft, total: codes.recoveryCodes }));
  const used = el("ul", { class: "plain", id: "codes-used" }, ...codes.recoveryCodesUsed.map((at) =>
    el("li", {}, t("sec_codeUsed") + " ", el("time", { datetime: at }, when(at)))));
  const resets = codes.resetCodes.length === 0 ? null : [el("h3", {}, t("sec_resetCodes")),
    el("ul", { class: "plain", id: "reset-codes" }, ...codes.resetCodes.map((r) => el("li", {},
      t("sec_resetIssued") + " " + when(r.issuedAt) + " · " + t("sec_resetExpires") + " " + when(r.expiresAt) + " · "
        + (r.usedAt ? t("sec_resetUsed") + " " + when(r.usedAt) : t("sec_resetUnused")))))];

  fill(main, el("h1", {}, t("sec_title")),
    el("h2", {}, t("sec_change")), change,
    el("h2", {}, t("sec_sessions")), el("p", { class: "hint" }, textWith("sec_sessionsIntro", { max: sessions.maxSessions })), list, others,
    el("h2", {}, t("sec_codes")), el("p", { class: "hint" }, t("sec_codesIntro")), codeStatus, used, regenerate, ...(resets || []));
});

/** The operator's button on an account: a one-time reset code, valid for a day, shown once. */
function opResetCodeButton(account) {
  const button = el("button", { type: "button", class: "secondary", "data-action": "reset-code" }, t("op_resetCode"));
  button.addEventListener("click", async () => {
    try {
      const issued = await api("POST", "/api/operator/accounts/" + encodeURIComponent(account.id) + "/reset-code", {});
      const shown = el("p", { class: "card reset-code", id: "reset-code-" + account.id },
        textWith("op_resetCodeIssued", { nickname: issued.nickname, until: when(issued.expiresAt), code: issued.code }), el("br"),
        el("span", { class: "hint" }, t("op_resetCodeHint")));
      const old = document.getElementById("reset-code-" + account.id);
      if (old) { old.replaceWith(shown); } else { button.after(shown); }
    } catch (error) { failed(error); }
  });
  return button;
}
