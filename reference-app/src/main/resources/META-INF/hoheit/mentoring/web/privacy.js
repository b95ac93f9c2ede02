// Smoffen web console: privacy requests. Any person writes to the operator (objection under
// Art. 21 GDPR, a question, a complaint) and sees the Art. 12(3) deadline run; the operator works
// the queue, nearest deadline first, extends once with reasons and answers. The server checks
// every request and logs every step in the person's audit log.
"use strict";

addText({
  de: {
    pr_menu: "Anfragen zum Datenschutz", pr_title: "Anfragen zum Datenschutz",
    pr_intro: "Hier widersprechen Sie einer Verarbeitung Ihrer Daten (Art. 21 DSGVO), stellen dem Betreiber eine Frage oder beschweren sich. Der Betreiber muss innerhalb eines Monats antworten (Art. 12 Abs. 3 DSGVO). Nur wenn es nötig ist, darf er die Frist einmal um zwei Monate verlängern und muss Ihnen die Gründe innerhalb des ersten Monats nennen. Unabhängig davon können Sie sich jederzeit bei einer Datenschutz-Aufsichtsbehörde beschweren.",
    pr_new: "Neue Anfrage", pr_kind: "Art der Anfrage", pr_text: "Ihre Nachricht an den Betreiber", pr_send: "Absenden",
    pr_sent: "Ihre Anfrage ist eingegangen. Die Frist für die Antwort läuft.", pr_empty: "Bitte schreiben Sie, worum es geht.",
    pr_kind_objection: "Widerspruch (Art. 21 DSGVO)", pr_kind_question: "Frage", pr_kind_complaint: "Beschwerde",
    pr_mine: "Ihre Anfragen", pr_none: "Sie haben noch keine Anfrage gestellt.", pr_received: "eingegangen am",
    pr_due: "Antwort fällig bis {date} (noch {days} Tage).", pr_dueToday: "Antwort fällig bis {date} (heute).",
    pr_overdue: "Die Frist ist am {date} abgelaufen, ohne Antwort.",
    pr_extended: "Die Frist wurde bis {date} verlängert. Grund: {reason}",
    pr_answered: "Antwort vom {date}:", pr_status_open: "offen", pr_status_overdue: "Frist abgelaufen", pr_status_answered: "beantwortet",
    pr_queueTitle: "Anfragen zum Datenschutz beantworten",
    pr_queueIntro: "Widersprüche, Fragen und Beschwerden der Personen, die nächste Frist zuerst. Antworten Sie innerhalb eines Monats (Art. 12 Abs. 3 DSGVO). Jedes Öffnen, jede Verlängerung und jede Antwort steht im Protokoll der Person.",
    pr_onlyOpen: "Nur offene zeigen", pr_open: "Öffnen", pr_from: "von", pr_noQueue: "Keine Anfrage.",
    pr_answer: "Antwort an die Person", pr_sendAnswer: "Antwort senden", pr_answerSent: "Die Antwort ist gesendet.",
    pr_extendReason: "Grund für die Verlängerung (die Person sieht ihn)", pr_extend: "Frist um zwei Monate verlängern",
    pr_extendedDone: "Die Frist ist verlängert; die Person sieht den Grund."
  },
  en: {
    pr_menu: "Privacy requests", pr_title: "Privacy requests",
    pr_intro: "Object to a processing of your data here (Art. 21 GDPR), ask the operator a question or make a complaint. The operator must answer within one month (Art. 12(3) GDPR). Only where necessary may it extend that once by two months, and it must tell you why within the first month. Regardless of this, you may complain to a data protection supervisory authority at any time.",
    pr_new: "New request", pr_kind: "Kind of request", pr_text: "Your message to the operator", pr_send: "Send",
    pr_sent: "Your request has arrived. The deadline for the answer is running.", pr_empty: "Please write what it is about.",
    pr_kind_objection: "Objection (Art. 21 GDPR)", pr_kind_question: "Question", pr_kind_complaint: "Complaint",
    pr_mine: "Your requests", pr_none: "You have not made a request yet.", pr_received: "received on",
    pr_due: "Answer due by {date} ({days} days left).", pr_dueToday: "Answer due by {date} (today).",
    pr_overdue: "The deadline passed on {date} without an answer.",
    pr_extended: "The deadline was extended to {date}. Reason: {reason}",
    pr_answered: "Answer of {date}:", pr_status_open: "open", pr_status_overdue: "deadline passed", pr_status_answered: "answered",
    pr_queueTitle: "Answer privacy requests",
    pr_queueIntro: "People's objections, questions and complaints, the nearest deadline first. Answer within one month (Art. 12(3) GDPR). Every opening, extension and answer is in the person's log.",
    pr_onlyOpen: "Show open ones only", pr_open: "Open", pr_from: "from", pr_noQueue: "No requests.",
    pr_answer: "Answer to the person", pr_sendAnswer: "Send answer", pr_answerSent: "The answer has been sent.",
    pr_extendReason: "Reason for the extension (the person sees it)", pr_extend: "Extend the deadline by two months",
    pr_extendedDone: "The deadline is extended; the person sees the reason."
  }
});

const PR_KINDS = ["objection", "question", "complaint"];

function prDate(instant) {
  return new Date(instant).toLocaleDateString(dateLocale());
}

/** Where a request stands, in plain words: the deadline clock, the extension and its reason, the answer. */
function prStanding(r) {
  const lines = [];
  if (r.extended && r.extensionReason !== undefined) {
    lines.push(el("p", { class: "pr-extended" }, textWith("pr_extended", { date: prDate(r.dueAt), reason: r.extensionReason || "" })));
  }
  if (r.status === "answered") {
    lines.push(el("p", { class: "pr-answered" }, el("strong", {}, textWith("pr_answered", { date: prDate(r.answeredAt) }))),
      el("p", { class: "pr-answer" }, r.answer === null ? t("msg_unreadable") : r.answer));
  } else if (r.status === "overdue") {
    lines.push(el("p", { class: "pr-clock overdue" }, textWith("pr_overdue", { date: prDate(r.dueAt) })));
  } else {
    lines.push(el("p", { class: "pr-clock" }, r.daysLeft <= 0 ? textWith("pr_dueToday", { date: prDate(r.dueAt) })
      : textWith("pr_due", { date: prDate(r.dueAt), days: r.daysLeft })));
  }
  return lines;
}

page("/privacy-requests", ["mentee", "mentor", "employer", "auditor"], "pr_menu", async (main) => {
  const data = await api("GET", "/api/me/privacy-requests");
  const kind = el("select", { id: "pr-kind" }, ...PR_KINDS.map((k) => el("option", { value: k }, t("pr_kind_" + k))));
  const text = el("textarea", { id: "pr-text", rows: 5, maxlength: 5000, required: true });
  const form = el("form", { class: "card", id: "pr-form", novalidate: true }, el("h2", {}, t("pr_new")),
    ...field("pr-kind", "pr_kind", kind), ...field("pr-text", "pr_text", text), el("button", { type: "submit" }, t("pr_send")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!text.value.trim()) { message(t("pr_empty"), "error"); text.focus(); return; }
    try {
      await api("POST", "/api/me/privacy-requests", { kind: kind.value, text: text.value });
      message(t("pr_sent"));
      route();
    } catch (error) { failed(error); }
  });
  const items = data.requests.map((r) => el("li", { class: "card privacy-request", id: "pr-" + r.id, "data-status": r.status },
    el("h3", {}, t("pr_kind_" + r.kind) + " — " + t("pr_status_" + r.status)),
    el("p", { class: "hint" }, t("pr_received") + " ", el("time", { datetime: r.receivedAt }, when(r.receivedAt))),
    el("p", { class: "pr-text" }, r.text === null ? t("msg_unreadable") : r.text),
    ...prStanding(r)));
  fill(main, el("h1", {}, t("pr_title")), el("p", { class: "hint" }, t("pr_intro")), form,
    el("h2", {}, t("pr_mine")),
    items.length === 0 ? el("p", { class: "hint", id: "pr-none" }, t("pr_none")) : el("ol", { class: "plain", id: "pr-list" }, ...items));
});

/** The operator's view of one request: the text, where it stands, and the forms to extend or answer. */
async function prDetail(id, box, reload) {
  const r = await api("GET", "/api/operator/privacy-requests/" + encodeURIComponent(id));
  const parts = [el("h3", {}, t("pr_kind_" + r.kind) + " " + t("pr_from") + " " + r.nickname),
    el("p", { class: "hint" }, t("pr_received") + " ", el("time", { datetime: r.receivedAt }, when(r.receivedAt))),
    el("p", { class: "pr-text" }, r.text === null ? t("msg_unreadable") : r.text), ...prStanding(r)];
  if (r.status !== "answered") {
    const answer = el("textarea", { id: "pr-answer-" + r.id, rows: 5, maxlength: 5000, required: true });
    const answerForm = el("form", { class: "pr-answer-form", novalidate: true },
      ...field("pr-answer-" + r.id, "pr_answer", answer), el("button", { type: "submit" }, t("pr_sendAnswer")));
    answerForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!answer.value.trim()) { message(t("pr_empty"), "error"); answer.focus(); return; }
      try {
        await api("POST", "/api/operator/privacy-requests/" + encodeURIComponent(r.id) + "/answer", { text: answer.value });
        message(t("pr_answerSent"));
        await reload();
      } catch (error) { failed(error); }
    });
    parts.push(answerForm);
    if (!r.extended && r.status === "open") {
      const reason = el("textarea", { id: "pr-reason-" + r.id, rows: 2, maxlength: 5000, required: true });
      const extendForm = el("form", { class: "pr-extend-form", novalidate: true },
        ...field("pr-reason-" + r.id, "pr_extendReason", reason), el("button", { type: "submit", class: "secondary" }, t("pr_extend")));
      extendForm.addEventListener("submit", async (event) => {
        event.preventDefault();
        if (!reason.value.trim()) { message(t("pr_empty"), "error"); reason.focus(); return; }
        try {
          await api("POST", "/api/operator/privacy-requests/" + encodeURIComponent(r.id) + "/extension", { reason: reason.value });
          message(t("pr_extendedDone"));
          await reload();
        } catch (error) { failed(error); }
      });
      parts.push(extendForm);
    }
  }
  box.replaceChildren(...parts);
  box.hidden = false;
  box.querySelector("h3").setAttribute("tabindex", "-1");
  box.querySelector("h3").focus();
}

page("/operator-privacy-requests", ["operator"], "pr_menu", async (main) => {
  const detail = el("section", { class: "card", id: "pr-detail", hidden: true, "aria-live": "polite" });
  const onlyOpen = el("input", { type: "checkbox", id: "pr-only-open", checked: true });
  const filter = () => ({ status: onlyOpen.checked ? "open" : "all" });
  let list = null;
  const reload = async () => { await list.load(filter()); };
  list = opPagedList("/api/operator/privacy-requests", "requests", (r) => {
    const open = el("button", { type: "button", class: "secondary", "data-action": "open" }, t("pr_open"));
    open.addEventListener("click", async () => {
      try { await prDetail(r.id, detail, async () => { await reload(); await prDetail(r.id, detail, reload); }); } catch (error) { failed(error); }
    });
    return el("li", { class: "card privacy-request", id: "pr-" + r.id, "data-status": r.status, "data-nickname": r.nickname },
      el("strong", {}, t("pr_kind_" + r.kind)), " " + t("pr_from") + " ", el("strong", {}, r.nickname),
      " — " + t("pr_status_" + r.status), el("br"),
      el("span", { class: "hint" }, t("pr_received") + " " + prDate(r.receivedAt) + ". "), ...prStanding(r), open);
  }, "pr_noQueue", "pr-queue");
  onlyOpen.addEventListener("change", async () => { try { await reload(); } catch (error) { failed(error); } });
  fill(main, el("h1", {}, t("pr_queueTitle")), el("p", { class: "hint" }, t("pr_queueIntro")),
    el("label", { class: "choice", for: "pr-only-open" }, onlyOpen, " " + t("pr_onlyOpen")), list.list, list.more, detail);
  await reload();
});
