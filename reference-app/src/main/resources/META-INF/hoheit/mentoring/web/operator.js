// Smoffen web console: the operator's pages. Accounts and mentor rights, mentor assignments,
// courses and employments. The operator sees nicknames, roles and links only (no e-mail address,
// no content); the server checks the role on every request.
"use strict";

addText({
  de: {
    op_accounts: "Konten", op_accountsTitle: "Konten und Rollen",
    op_accountsIntro: "Jedes Konto mit Spitzname und Rollen. Mehr sehen Sie hier nicht: keine E-Mail-Adresse, keine Inhalte.",
    op_findAccounts: "Konten finden", op_search: "Spitzname enthält", op_roleFilter: "Rolle", op_anyRole: "alle Rollen", op_find: "Suchen",
    op_noAccounts: "Kein Konto passt zu dieser Suche.", op_more: "Weitere anzeigen", op_createdOn: "angelegt am",
    op_grantMentor: "Mentorenrechte geben", op_withdrawMentor: "Mentorenrechte entziehen",
    op_withdrawWarning: "Damit enden sofort alle Freigaben an diesen Mentor, auch die, die Mentees selbst erteilt haben. Der Mentor sieht danach von niemandem mehr etwas.",
    op_confirmWithdraw: "Ja, Mentorenrechte entziehen",
    op_mentorGranted: "Mentorenrechte gegeben. Mentees können diesen Mentor jetzt einladen, und Sie können ihn zuweisen.",
    op_mentorWithdrawn: "Mentorenrechte entzogen. Alle Freigaben an diesen Mentor sind beendet.",
    op_newAccount: "Konto für Arbeitgeber, Prüfer, Mentor oder Supervisor anlegen",
    op_newAccountIntro: "Die Person stimmt ihren Bedingungen bei der ersten Anmeldung selbst zu. Geben Sie ihr das Passwort auf sicherem Weg weiter.",
    op_nickname: "Spitzname", op_nicknameRule: "3 bis 40 Buchstaben, Ziffern, Punkt, Unterstrich oder Bindestrich.",
    op_password: "Anfangspasswort", op_passwordRule: "Mindestens 10 Zeichen und nicht gleich dem Spitznamen.",
    op_role: "Rolle", op_create: "Konto anlegen", op_accountCreated: "Das Konto ist angelegt",
    op_assignments: "Mentoren zuweisen", op_assignTitle: "Einem Mentee einen Mentor zuweisen",
    op_assignIntro: "Sie schlagen einem Mentee einen Mentor vor. Geteilt wird erst, wenn der Mentee zustimmt; bis dahin sieht der Mentor nichts. Der Mentee kann ablehnen und den Mentor später jederzeit abberufen.",
    op_mentee: "Spitzname des Mentees", op_mentor: "Spitzname des Mentors",
    op_scope: "Was der Mentor sehen darf, sobald der Mentee zustimmt",
    op_scope_mentor: "Smoff-Time, Pläne und Bilder", "op_scope_smoff-time-mentor": "nur die Smoff-Time",
    op_assign: "Zuweisen", op_assigned: "Zugewiesen. Der Mentee muss noch zustimmen; bis dahin wird nichts geteilt.",
    op_assignmentsList: "Ihre Zuweisungen",
    op_assignmentsHint: "Zuweisungen an Konten, die heute Mentorenrechte haben, auch aus Kursen. Was Mentees selbst mit Mentoren vereinbaren, sehen Sie nicht.",
    op_noAssignments: "Sie haben noch keinen Mentor zugewiesen.", op_mentorOf: "als Mentor für",
    op_status_pending: "wartet auf Zustimmung des Mentees", op_status_active: "vom Mentee angenommen",
    op_status_declined: "vom Mentee abgelehnt", op_status_revoked: "beendet", op_status_expired: "abgelaufen",
    op_courses: "Kurse", op_coursesTitle: "Kurse", op_newCourse: "Einen Kurs starten", op_courseName: "Name des Kurses",
    op_courseMembers: "Teilnehmende (Spitznamen, getrennt durch Komma oder Zeilenumbruch)",
    op_courseMentor: "Mentor (freiwillig)",
    op_courseMentorHint: "Mit Mentor wird er allen Teilnehmenden zugewiesen. Jede und jeder muss einzeln zustimmen, bevor etwas geteilt wird.",
    op_courseScope: "Was der Mentor sehen darf, sobald jemand zustimmt", op_startCourse: "Kurs starten",
    op_courseStarted: "Der Kurs ist gestartet.", op_courseList: "Alle Kurse", op_noCourses: "Noch keine Kurse.", op_members: "Teilnehmende",
    op_noMentor: "ohne Mentor", op_courseMentorIs: "Mentor",
    op_employments: "Anstellungen", op_employmentsTitle: "Arbeitgeber und Mitarbeitende",
    op_employmentsIntro: "Ein verknüpfter Arbeitgeber sieht nur die Bewertung der Planungsgewohnheiten, nie Einträge, Notizen, Pläne oder Bilder. Die Mitarbeiterin oder der Mitarbeiter sieht vorab genau dasselbe.",
    op_employee: "Spitzname des Mentees (Mitarbeiter/in)", op_employer: "Spitzname des Arbeitgebers",
    op_link: "Verknüpfen", op_linked: "Verknüpft.", op_linksList: "Verknüpfungen",
    op_unlink: "Verknüpfung lösen", op_unlinked: "Die Verknüpfung ist gelöst; der Arbeitgeber sieht nichts mehr.",
    op_noEmployments: "Noch keine Verknüpfungen.", op_worksFor: "arbeitet für", op_since: "seit"
  },
  en: {
    op_accounts: "Accounts", op_accountsTitle: "Accounts and roles",
    op_accountsIntro: "Every account with its nickname and roles. You see nothing more here: no e-mail address, no content.",
    op_findAccounts: "Find accounts", op_search: "Nickname contains", op_roleFilter: "Role", op_anyRole: "all roles", op_find: "Search",
    op_noAccounts: "No account matches this search.", op_more: "Show more", op_createdOn: "created on",
    op_grantMentor: "Give mentor rights", op_withdrawMentor: "Withdraw mentor rights",
    op_withdrawWarning: "Every grant to this mentor ends at once, including those mentees gave themselves. The mentor then sees nothing of anyone.",
    op_confirmWithdraw: "Yes, withdraw mentor rights",
    op_mentorGranted: "Mentor rights given. Mentees can now invite this mentor, and you can assign them.",
    op_mentorWithdrawn: "Mentor rights withdrawn. Every grant to this mentor has ended.",
    op_newAccount: "Create an account for an employer, auditor, mentor or supervisor",
    op_newAccountIntro: "The person accepts their terms themselves at first sign-in. Hand the password over by a safe way.",
    op_nickname: "Nickname", op_nicknameRule: "3 to 40 letters, digits, dot, underscore or hyphen.",
    op_password: "Initial password", op_passwordRule: "At least 10 characters and not the same as the nickname.",
    op_role: "Role", op_create: "Create account", op_accountCreated: "The account is created",
    op_assignments: "Assign mentors", op_assignTitle: "Assign a mentor to a mentee",
    op_assignIntro: "You propose a mentor to a mentee. Nothing is shared until the mentee accepts; until then the mentor sees nothing. The mentee can decline, and can revoke the mentor at any time later.",
    op_mentee: "Mentee's nickname", op_mentor: "Mentor's nickname",
    op_scope: "What the mentor may see once the mentee accepts",
    op_scope_mentor: "Smoff-Time, plans and pictures", "op_scope_smoff-time-mentor": "Smoff-Time only",
    op_assign: "Assign", op_assigned: "Assigned. The mentee still has to accept; nothing is shared until then.",
    op_assignmentsList: "Your assignments",
    op_assignmentsHint: "Assignments to accounts that have mentor rights today, courses included. What mentees agree with mentors themselves is not shown to you.",
    op_noAssignments: "You have not assigned a mentor yet.", op_mentorOf: "as mentor of",
    op_status_pending: "waiting for the mentee to accept", op_status_active: "accepted by the mentee",
    op_status_declined: "declined by the mentee", op_status_revoked: "ended", op_status_expired: "expired",
    op_courses: "Courses", op_coursesTitle: "Courses", op_newCourse: "Start a course", op_courseName: "Course name",
    op_courseMembers: "Members (nicknames, separated by commas or line breaks)",
    op_courseMentor: "Mentor (optional)",
    op_courseMentorHint: "With a mentor, they are assigned to every member. Each member has to accept on their own before anything is shared.",
    op_courseScope: "What the mentor may see once someone accepts", op_startCourse: "Start course",
    op_courseStarted: "The course has started.", op_courseList: "All courses", op_noCourses: "No courses yet.", op_members: "Members",
    op_noMentor: "no mentor", op_courseMentorIs: "Mentor",
    op_employments: "Employments", op_employmentsTitle: "Employers and employees",
    op_employmentsIntro: "A linked employer sees the assessment of planning habits only, never entries, notes, plans or pictures. The employee sees exactly the same beforehand.",
    op_employee: "Mentee's nickname (employee)", op_employer: "Employer's nickname",
    op_link: "Link", op_linked: "Linked.", op_linksList: "Links",
    op_unlink: "Unlink", op_unlinked: "The link is removed; the employer sees nothing any more.",
    op_noEmployments: "No links yet.", op_worksFor: "works for", op_since: "since"
  }
});

const OP_NEW_ACCOUNT_ROLES = ["employer", "auditor", "mentor", "supervisor"];
const OP_FILTER_ROLES = ["mentee", "mentor", "supervisor", "employer", "auditor", "operator"];
const OP_SCOPES = ["mentor", "smoff-time-mentor"];
/** The account search, kept while the operator moves between pages. */
const opAccountSearch = { q: "", role: "" };

/**
 * A list the API returns in pages: `load(query)` shows the first page, the "show more" button the
 * next ones. Each item comes from `render`; `emptyKey` names the text shown for an empty list.
 */
function opPagedList(path, key, render, emptyKey, id) {
  const list = el("ul", { class: "plain", id });
  const more = el("button", { type: "button", class: "secondary", id: id + "-more", hidden: true }, t("op_more"));
  let offset = 0;
  let query = {};
  let loads = 0; // a page answered after a newer load began (a search sent while the first list loads) is dropped
  async function fetchPage() {
    const load = loads;
    const params = new URLSearchParams(query);
    params.set("offset", String(offset));
    const data = await api("GET", path + "?" + params);
    if (load !== loads) { return; }
    if (offset === 0) { list.replaceChildren(); }
    list.append(...data[key].map(render));
    offset += data[key].length;
    more.hidden = !data.more;
    if (list.children.length === 0) { list.append(el("li", { class: "hint empty" }, t(emptyKey))); }
  }
  more.addEventListener("click", async () => {
    try { await fetchPage(); } catch (error) { failed(error); }
  });
  return {
    list, more,
    async load(newQuery) {
      loads++;
      query = newQuery || {};
      offset = 0;
      await fetchPage();
    }
  };
}

/** Nicknames of the accounts with `role`, for a field's suggestions (a datalist). */
async function opSuggestions(id, role) {
  const data = await api("GET", "/api/operator/accounts?role=" + encodeURIComponent(role) + "&limit=200");
  return el("datalist", { id }, ...data.accounts.map((a) => el("option", { value: a.nickname })));
}

/** A text field for a nickname; `hint` (a text key) is read out with it. */
function opNicknameField(id, labelKey, attrs, hintKey) {
  const input = el("input", Object.assign({ id, type: "text", autocomplete: "off", spellcheck: "false", required: true,
    maxlength: 40, "aria-describedby": hintKey ? id + "-hint" : false }, attrs || {}));
  return [...field(id, labelKey, input), hintKey ? el("p", { class: "hint", id: id + "-hint" }, t(hintKey)) : null];
}

/** One account in the list, with the mentor-rights action its roles allow. */
function opAccountItem(account) {
  const actions = el("div", { class: "actions" });
  const item = el("li", { class: "card op-account", id: "op-account-" + account.id, "data-nickname": account.nickname,
    "data-roles": account.roles.join(" ") },
    el("strong", {}, account.nickname), " — ", account.roles.map((role) => t("role_" + role)).join(", "), el("br"),
    el("span", { class: "hint" }, t("op_createdOn") + " ", el("time", { datetime: account.createdAt }, when(account.createdAt))),
    actions);
  const replaceWith = (updated, text) => {
    const next = opAccountItem(updated);
    item.replaceWith(next);
    const button = next.querySelector("button");
    if (button) { button.focus(); }
    message(text);
  };
  if (account.roles.includes("mentor")) {
    const withdraw = el("button", { type: "button", class: "secondary", "data-action": "withdraw-mentor" }, t("op_withdrawMentor"));
    withdraw.addEventListener("click", () => {
      const warningId = "op-warning-" + account.id;
      const yes = el("button", { type: "button", class: "danger", "data-action": "confirm-withdraw", "aria-describedby": warningId },
        t("op_confirmWithdraw"));
      const no = el("button", { type: "button", class: "secondary", "data-action": "cancel" }, t("cancel"));
      yes.addEventListener("click", async () => {
        try {
          replaceWith(await api("DELETE", "/api/operator/mentors/" + encodeURIComponent(account.id)), t("op_mentorWithdrawn"));
        } catch (error) { failed(error); }
      });
      no.addEventListener("click", () => {
        actions.replaceChildren(withdraw);
        withdraw.focus();
      });
      actions.replaceChildren(el("p", { class: "warning", id: warningId }, t("op_withdrawWarning")), yes, no);
      yes.focus();
    });
    actions.append(withdraw);
  } else if (account.roles.includes("mentee")) {
    const grant = el("button", { type: "button", "data-action": "grant-mentor" }, t("op_grantMentor"));
    grant.addEventListener("click", async () => {
      try {
        replaceWith(await api("PUT", "/api/operator/mentors/" + encodeURIComponent(account.id)), t("op_mentorGranted"));
      } catch (error) { failed(error); }
    });
    actions.append(grant);
  }
  if (!account.roles.includes("operator")) {
    actions.append(supervisorRightsButton(account, replaceWith)); // supervision.js
    actions.append(opResetCodeButton(account));
  }
  return item;
}

page("/accounts", ["operator"], "op_accounts", async (main) => {
  const accounts = opPagedList("/api/operator/accounts", "accounts", opAccountItem, "op_noAccounts", "op-accounts");
  const search = el("input", { id: "op-q", type: "search", maxlength: 40, autocomplete: "off", value: opAccountSearch.q });
  const role = el("select", { id: "op-role" }, el("option", { value: "" }, t("op_anyRole")),
    ...OP_FILTER_ROLES.map((r) => el("option", { value: r, selected: r === opAccountSearch.role }, t("role_" + r))));
  const searchForm = el("form", { class: "card", role: "search", novalidate: true },
    ...field("op-q", "op_search", search), ...field("op-role", "op_roleFilter", role),
    el("button", { type: "submit" }, t("op_find")));
  searchForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    opAccountSearch.q = search.value.trim();
    opAccountSearch.role = role.value;
    try { await accounts.load(opAccountSearch); } catch (error) { failed(error); }
  });

  const newRole = el("select", { id: "op-new-role" }, ...OP_NEW_ACCOUNT_ROLES.map((r) => el("option", { value: r }, t("role_" + r))));
  const create = el("form", { class: "card op-form", id: "op-new-account", novalidate: true },
    el("h2", {}, t("op_newAccount")), el("p", { class: "hint" }, t("op_newAccountIntro")),
    ...opNicknameField("op-new-nickname", "op_nickname", {}, "op_nicknameRule"),
    ...field("op-new-password", "op_password", el("input", { id: "op-new-password", type: "password", autocomplete: "new-password",
      required: true, minlength: 10, maxlength: 200, "aria-describedby": "op-new-password-hint" })),
    el("p", { class: "hint", id: "op-new-password-hint" }, t("op_passwordRule")),
    ...field("op-new-role", "op_role", newRole),
    el("button", { type: "submit" }, t("op_create")));
  create.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      const account = await api("POST", "/api/operator/accounts", { nickname: create["op-new-nickname"].value.trim(),
        password: create["op-new-password"].value, role: newRole.value });
      create.reset();
      message(t("op_accountCreated") + ": " + account.nickname);
      // Show the new account in the list.
      opAccountSearch.q = account.nickname;
      opAccountSearch.role = "";
      search.value = account.nickname;
      role.value = "";
      await accounts.load(opAccountSearch);
    } catch (error) { failed(error); }
  });

  fill(main, el("h1", {}, t("op_accountsTitle")), create,
    el("h2", {}, t("op_findAccounts")), el("p", { class: "hint" }, t("op_accountsIntro")), searchForm, accounts.list, accounts.more);
  await accounts.load(opAccountSearch);
});

/** One mentor assignment: who, to whom, what they may see, and where it stands. */
function opAssignmentItem(a) {
  return el("li", { class: "card op-assignment", id: "op-assignment-" + a.id, "data-mentee": a.mentee, "data-mentor": a.mentor,
    "data-status": a.status },
    el("strong", {}, a.mentor), " " + t("op_mentorOf") + " ", el("strong", {}, a.mentee), " — ", t("op_scope_" + a.scope), el("br"),
    el("span", { class: "hint" }, t("op_status_" + a.status) + ", " + t("op_since") + " ",
      el("time", { datetime: a.since }, when(a.since))));
}

page("/assignments", ["operator"], "op_assignments", async (main) => {
  const assignments = opPagedList("/api/operator/assignments", "assignments", opAssignmentItem, "op_noAssignments", "op-assignments");
  const mentors = await opSuggestions("op-mentor-list", "mentor");
  const form = el("form", { class: "card op-form", id: "op-assign", novalidate: true },
    el("h2", {}, t("op_assignTitle")), el("p", { class: "hint", id: "op-assign-intro" }, t("op_assignIntro")),
    ...opNicknameField("op-mentee", "op_mentee"),
    ...opNicknameField("op-mentor", "op_mentor", { list: "op-mentor-list" }), mentors,
    radioGroup("op-scope", "op_scope", OP_SCOPES.map((scope) => [scope, "op_scope_" + scope]), OP_SCOPES[0]),
    el("button", { type: "submit", "aria-describedby": "op-assign-intro" }, t("op_assign")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/api/operator/assignments", { mentee: form["op-mentee"].value.trim(), mentor: form["op-mentor"].value.trim(),
        scope: form.querySelector("input[name=op-scope]:checked").value });
      form.reset();
      message(t("op_assigned"));
      await assignments.load();
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("op_assignments")), form,
    el("h2", {}, t("op_assignmentsList")), el("p", { class: "hint" }, t("op_assignmentsHint")), assignments.list, assignments.more);
  await assignments.load();
});

/** One course: its members, and the mentor it was started with. */
function opCourseItem(course) {
  return el("li", { class: "card op-course", id: "op-course-" + course.id, "data-name": course.name },
    el("strong", {}, course.name), " — ", t("op_createdOn") + " ", el("time", { datetime: course.createdAt }, when(course.createdAt)),
    el("br"), t("op_members") + ": " + course.members.join(", "), el("br"),
    course.mentor ? el("span", { class: "op-course-mentor" }, t("op_courseMentorIs") + ": " + course.mentor + " (" + t("op_scope_" + course.scope) + ")")
      : el("span", { class: "hint" }, t("op_noMentor")));
}

page("/courses", ["operator"], "op_courses", async (main) => {
  const courses = opPagedList("/api/operator/courses", "courses", opCourseItem, "op_noCourses", "op-courses");
  const mentors = await opSuggestions("op-course-mentor-list", "mentor");
  const form = el("form", { class: "card op-form", id: "op-new-course", novalidate: true },
    el("h2", {}, t("op_newCourse")),
    ...field("op-course-name", "op_courseName", el("input", { id: "op-course-name", type: "text", required: true, maxlength: 200 })),
    ...field("op-course-members", "op_courseMembers", el("textarea", { id: "op-course-members", rows: 3, required: true, spellcheck: "false" })),
    ...opNicknameField("op-course-mentor", "op_courseMentor", { list: "op-course-mentor-list", required: false }, "op_courseMentorHint"),
    mentors, radioGroup("op-course-scope", "op_courseScope", OP_SCOPES.map((scope) => [scope, "op_scope_" + scope]), OP_SCOPES[0]),
    el("button", { type: "submit" }, t("op_startCourse")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const mentor = form["op-course-mentor"].value.trim();
    try {
      await api("POST", "/api/operator/courses", { name: form["op-course-name"].value.trim(),
        mentees: form["op-course-members"].value.split(/[\s,;]+/).filter((nickname) => nickname),
        mentor: mentor || null, scope: mentor ? form.querySelector("input[name=op-course-scope]:checked").value : null });
      form.reset();
      message(t("op_courseStarted"));
      await courses.load();
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("op_coursesTitle")), form, el("h2", {}, t("op_courseList")), courses.list, courses.more);
  await courses.load();
});

page("/employments", ["operator"], "op_employments", async (main) => {
  let links;
  const linkItem = (link) => {
    const unlink = el("button", { type: "button", class: "secondary", "data-action": "unlink" }, t("op_unlink"));
    unlink.addEventListener("click", async () => {
      try {
        await api("DELETE", "/api/operator/employments/" + encodeURIComponent(link.employeeId) + "/" + encodeURIComponent(link.employerId));
        message(t("op_unlinked"));
        await links.load();
        document.getElementById("op-employee").focus();
      } catch (error) { failed(error); }
    });
    return el("li", { class: "card op-employment", id: "op-employment-" + link.employeeId + "-" + link.employerId,
      "data-employee": link.employee, "data-employer": link.employer },
      el("strong", {}, link.employee), " " + t("op_worksFor") + " ", el("strong", {}, link.employer), el("br"),
      el("span", { class: "hint" }, t("op_since") + " ", el("time", { datetime: link.since }, when(link.since))), el("div", {}, unlink));
  };
  links = opPagedList("/api/operator/employments", "employments", linkItem, "op_noEmployments", "op-employments");
  const employers = await opSuggestions("op-employer-list", "employer");
  const form = el("form", { class: "card op-form", id: "op-link", novalidate: true },
    el("p", { class: "hint" }, t("op_employmentsIntro")),
    ...opNicknameField("op-employee", "op_employee"),
    ...opNicknameField("op-employer", "op_employer", { list: "op-employer-list" }), employers,
    el("button", { type: "submit" }, t("op_link")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    try {
      await api("POST", "/api/operator/employments", { employee: form["op-employee"].value.trim(), employer: form["op-employer"].value.trim() });
      form.reset();
      message(t("op_linked"));
      await links.load();
    } catch (error) { failed(error); }
  });
  fill(main, el("h1", {}, t("op_employmentsTitle")), form, el("h2", {}, t("op_linksList")), links.list, links.more);
  await links.load();
});
