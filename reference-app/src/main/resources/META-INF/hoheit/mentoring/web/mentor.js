// Smoffen web console: the mentor's pages. A mentor sees only what a mentee granted (R1, R4), and
// every view is logged for the mentee to see (R6): this page asks for nothing else.
"use strict";

addText({
  de: {
    mentor_mentees: "Meine Mentees",
    mentor_menteesIntro: "Hier stehen die Personen, die Ihnen zurzeit Einblick in ihre Daten geben. Jede kann Sie jederzeit abberufen; der Zugriff endet dann sofort.",
    mentor_noMentees: "Zurzeit gibt Ihnen niemand Einblick in seine Daten.",
    mentor_open: "Ansehen",
    mentor_youSee: "Sie sehen",
    "mentor_scope_mentor": "Smoff-Time, Pläne und Bilder",
    "mentor_scope_smoff-time-mentor": "nur die Smoff-Time",
    mentor_scopeUnknown: "einen unbekannten Umfang; es wird nichts angezeigt",
    mentor_status_pending: "wartet auf Zustimmung", mentor_status_active: "aktiv", mentor_status_declined: "abgelehnt",
    mentor_status_revoked: "abberufen", mentor_status_expired: "abgelaufen",
    mentor_since: "seit",
    mentor_origin_self: "auf Einladung des Mentees", "mentor_origin_assigned-by-operator": "vom Betreiber zugewiesen und vom Mentee angenommen",
    "mentor_origin_requested-by-grantee": "auf Ihre Anfrage",
    mentor_watched: "Der Mentee sieht jeden Ihrer Aufrufe: Unter „{page}“ steht, wann Sie was angesehen haben, bis zu jedem einzelnen Bild.",
    mentor_menteeTitle: "Mentee {who}",
    mentor_reload: "Neu laden",
    mentor_plans: "Pläne", mentor_pictures: "Bilder",
    mentor_notShared: "Nicht freigegeben und daher nicht abgefragt: {parts}.",
    mentor_part_plans: "Pläne", mentor_part_pictures: "Bilder",
    mentor_noPlans: "Noch keine Pläne.", mentor_noPictures: "Noch keine Bilder.",
    mentor_plan_day: "Tagesplan", mentor_plan_week: "Wochenplan", mentor_plan_year: "Jahresplan",
    mentor_week: "Kalenderwoche {week}/{year}",
    mentor_updated: "zuletzt geändert",
    mentor_uploaded: "hochgeladen",
    mentor_pictureAlt: "Foto eines Planungsbogens von {who}, hochgeladen {when}",
    mentor_pictureFailed: "Dieses Bild ließ sich nicht laden.",
    mentor_noAccess: "{who} gibt Ihnen zurzeit keinen Einblick (mehr) in diese Daten, zum Beispiel weil Sie als Mentor abberufen wurden. Es werden keine Daten angezeigt.",
    mentor_someone: "Diese Person",
    mentor_back: "Zurück zu meinen Mentees"
  },
  en: {
    mentor_mentees: "My mentees",
    mentor_menteesIntro: "These are the people who currently let you see their data. Each of them can revoke you at any time; access then ends at once.",
    mentor_noMentees: "Nobody lets you see their data at the moment.",
    mentor_open: "View",
    mentor_youSee: "You see",
    "mentor_scope_mentor": "Smoff-Time, plans and pictures",
    "mentor_scope_smoff-time-mentor": "the Smoff-Time only",
    mentor_scopeUnknown: "an unknown scope; nothing is shown",
    mentor_status_pending: "waiting for consent", mentor_status_active: "active", mentor_status_declined: "declined",
    mentor_status_revoked: "revoked", mentor_status_expired: "expired",
    mentor_since: "since",
    mentor_origin_self: "invited by the mentee", "mentor_origin_assigned-by-operator": "assigned by the operator and accepted by the mentee",
    "mentor_origin_requested-by-grantee": "at your request",
    mentor_watched: "The mentee sees every view: under “{page}” they see when you looked at what, down to every single picture.",
    mentor_menteeTitle: "Mentee {who}",
    mentor_reload: "Reload",
    mentor_plans: "Plans", mentor_pictures: "Pictures",
    mentor_notShared: "Not shared with you, so not requested: {parts}.",
    mentor_part_plans: "plans", mentor_part_pictures: "pictures",
    mentor_noPlans: "No plans yet.", mentor_noPictures: "No pictures yet.",
    mentor_plan_day: "Day plan", mentor_plan_week: "Week plan", mentor_plan_year: "Year plan",
    mentor_week: "Week {week} of {year}",
    mentor_updated: "last changed",
    mentor_uploaded: "uploaded",
    mentor_pictureAlt: "Photo of a planning sheet by {who}, uploaded {when}",
    mentor_pictureFailed: "This picture could not be loaded.",
    mentor_noAccess: "{who} does not (or no longer) let you see this data, for example because you were revoked as their mentor. No data is shown.",
    mentor_someone: "This person",
    mentor_back: "Back to my mentees"
  }
});

/** The parts of a mentee's data the mentor's active grants allow, as the server says (a mentee may have granted more than one scope). */
function mentorParts(grants) {
  const parts = new Set();
  for (const grant of grants) { for (const part of grant.allows || []) { parts.add(part); } }
  return parts;
}

function mentorScopeWords(scope) {
  return textOr("mentor_scope_" + scope, t("mentor_scopeUnknown"));
}

/** The grant's status in plain words: "active since …, invited by the mentee". */
function mentorGrantLine(grant) {
  return t("mentor_status_" + grant.status) + " " + t("mentor_since") + " " + when(grant.since) + " · " + t("mentor_origin_" + grant.origin);
}

function mentorPeriod(plan) {
  if (plan.kind === "day") { return calendarDay(plan.period); }
  if (plan.kind === "week") {
    const [year, week] = plan.period.split("-W");
    return textWith("mentor_week", { week: Number(week), year });
  }
  return plan.period;
}

function mentorPlans(plans) {
  if (plans.length === 0) { return el("p", { class: "hint" }, t("mentor_noPlans")); }
  return el("ul", { class: "plain" }, ...plans.map((plan) => el("li", { class: "card plan", "data-kind": plan.kind, "data-period": plan.period },
    el("h3", {}, t("mentor_plan_" + plan.kind) + " · " + mentorPeriod(plan)),
    el("p", { class: "plan-text" }, plan.text),
    el("p", { class: "hint" }, t("mentor_updated") + " " + when(plan.updatedAt)))));
}

function mentorGallery(menteeId, nickname, pictures) {
  if (pictures.length === 0) { return el("p", { class: "hint" }, t("mentor_noPictures")); }
  return el("ul", { class: "plain gallery" }, ...pictures.map((picture) => {
    const image = el("img", { src: "/api/mentees/" + encodeURIComponent(menteeId) + "/pictures/" + encodeURIComponent(picture.id),
      alt: textWith("mentor_pictureAlt", { who: nickname, when: when(picture.uploadedAt) }),
      width: picture.width, height: picture.height, "data-picture": picture.id });
    const caption = el("figcaption", { class: "hint" }, t("mentor_uploaded") + " " + when(picture.uploadedAt));
    // An image is fetched by the browser, not by api(): if access ended meanwhile, say so beside it.
    image.addEventListener("error", () => caption.replaceChildren(t("mentor_pictureFailed")));
    return el("li", { class: "picture", id: "picture-" + picture.id }, el("figure", {}, image, caption));
  }));
}

/** The clear "no access" message: the page then shows no data at all. */
function mentorNoAccess(nickname) {
  return el("p", { class: "card warning", id: "mentee-no-access", role: "alert" },
    textWith("mentor_noAccess", { who: nickname || t("mentor_someone") }));
}

page("/mentees", ["mentor"], "mentor_mentees", async (main) => {
  const data = await api("GET", "/api/mentees");
  const items = data.mentees.map((grant) => el("li", { class: "card mentee", id: "mentee-" + grant.personId,
    "data-person": grant.personId, "data-scope": grant.scope, "data-status": grant.status },
    el("a", { href: "#/mentees/" + encodeURIComponent(grant.personId), class: "mentee-name" }, grant.nickname),
    el("p", {}, t("mentor_youSee") + ": " + mentorScopeWords(grant.scope)),
    el("p", { class: "hint" }, mentorGrantLine(grant))));
  fill(main, el("h1", {}, t("mentor_mentees")), el("p", { class: "hint" }, t("mentor_menteesIntro")),
    el("p", { class: "hint" }, textWith("mentor_watched", { page: t("accessLog") })),
    items.length === 0 ? el("p", { id: "no-mentees" }, t("mentor_noMentees")) : el("ul", { class: "plain" }, ...items));
});

page("/mentees/:id", ["mentor"], null, async (main, params) => {
  const id = params.id;
  const back = el("p", {}, el("a", { href: "#/mentees" }, t("mentor_back")));
  const all = await api("GET", "/api/mentees");
  const grants = all.mentees.filter((grant) => grant.personId === id && grant.status === "active");
  if (grants.length === 0) {
    // Not (or no longer) shared: nothing is requested, nothing is shown.
    fill(main, el("h1", {}, t("mentor_mentees")), mentorNoAccess(null), back);
    return;
  }
  const nickname = grants[0].nickname;
  const parts = mentorParts(grants);
  const notShared = ["plans", "pictures"].filter((part) => !parts.has(part));
  const title = el("h1", {}, textWith("mentor_menteeTitle", { who: nickname }));
  const data = el("div", { id: "mentee-data" });
  const reload = el("button", { type: "button", class: "secondary", id: "mentee-reload" }, t("mentor_reload"));

  /** Asks only for what the grants allow; a refusal (say, the mentee revoked meanwhile) empties the page. */
  async function load() {
    const base = "/api/mentees/" + encodeURIComponent(id);
    const want = [parts.has("smoff-time") ? api("GET", base + "/smoff-sessions") : null,
      parts.has("plans") ? api("GET", base + "/plans") : null,
      parts.has("pictures") ? api("GET", base + "/pictures") : null];
    let sessions, plans, pictures;
    try {
      [sessions, plans, pictures] = await Promise.all(want);
    } catch (error) {
      if (error.status === 403) {
        // The grant no longer holds: drop the data and the grant's description, keep the message.
        fill(main, title, mentorNoAccess(nickname), back);
        failed(error);
        return;
      }
      throw error;
    }
    const sections = [];
    if (sessions) {
      sections.push(el("section", { id: "mentee-smoff-time", "data-part": "smoff-time", "aria-labelledby": "mentee-smoff-time-title" },
        el("h2", { id: "mentee-smoff-time-title" }, t("smoffTime")), smoffChart(sessions.sessions).chart,
        smoffTable(sessions.sessions, null, { url: base + "/smoff-sessions", next: sessions.next })));
    }
    if (plans) {
      sections.push(el("section", { id: "mentee-plans", "data-part": "plans", "aria-labelledby": "mentee-plans-title" },
        el("h2", { id: "mentee-plans-title" }, t("mentor_plans")), mentorPlans(plans.plans)));
    }
    if (pictures) {
      sections.push(el("section", { id: "mentee-pictures", "data-part": "pictures", "aria-labelledby": "mentee-pictures-title" },
        el("h2", { id: "mentee-pictures-title" }, t("mentor_pictures")), mentorGallery(id, nickname, pictures.pictures)));
    }
    data.replaceChildren(...sections);
  }

  reload.addEventListener("click", async () => {
    try { await load(); } catch (error) { failed(error); }
  });
  fill(main, title,
    el("div", { class: "card mentee-grant", id: "mentee-grant", "data-person": id, "data-scope": grants.map((g) => g.scope).join(" ") },
      el("p", {}, t("mentor_youSee") + ": " + grants.map((g) => mentorScopeWords(g.scope)).join("; ")),
      ...grants.map((g) => el("p", { class: "hint" }, mentorGrantLine(g))),
      notShared.length === 0 ? null : el("p", { class: "hint", id: "mentee-not-shared" },
        textWith("mentor_notShared", { parts: notShared.map((part) => t("mentor_part_" + part)).join(", ") })),
      el("p", { class: "watched" }, textWith("mentor_watched", { page: t("accessLog") })),
      reload),
    data, back);
  await load();
});
