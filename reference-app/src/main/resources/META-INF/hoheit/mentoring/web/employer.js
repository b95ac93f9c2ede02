// Smoffen web console: the employer's pages. An employer sees a professionalism assessment of a
// linked employee and nothing else (R8); it is informative only (R33), and the employee sees it too.
"use strict";

addText({
  de: {
    employer_employees: "Meine Mitarbeitenden",
    employer_employeesIntro: "Zu jeder Person, die Ihnen der Betreiber als Mitarbeitende zugeordnet hat, sehen Sie eine Bewertung ihrer Planungsgewohnheiten, und nur diese.",
    employer_noEmployees: "Ihnen ist noch niemand als Mitarbeitende zugeordnet.",
    employer_open: "Bewertung ansehen",
    employer_title: "Bewertung: {who}",
    employer_period: "Zeitraum: {from} bis {until} ({days} Tage).", employer_periodOneDay: "Zeitraum: {from} (1 Tag).",
    employer_regularityLabel: "Regelmäßigkeit",
    employer_daily: "Tagesplanung", employer_weekly: "Wochenplanung", employer_quarterlyAndYearly: "Quartals- und Jahresplanung",
    employer_regularity_daily: "An {percent} der Tage im Zeitraum gibt es eine Tagesplanung.",
    employer_regularity_weekly: "In {percent} der Wochen im Zeitraum gibt es eine Wochenplanung.",
    employer_regularity_quarterlyAndYearly: "In {percent} der Quartale im Zeitraum gibt es eine Quartals- oder Jahresplanung.",
    employer_average: "Eine Planung dauert im Schnitt {minutes} Minuten.",
    employer_within: "{percent} der Planungen liegen im empfohlenen Rahmen von {range} Minuten.",
    employer_none: "Im Zeitraum keine Planung erfasst (empfohlen: {range} Minuten).",
    employer_untimed: "Für keine dieser Planungen ist die Dauer erfasst (empfohlen: {range} Minuten).",
    employer_notice: "Nur zur Information: Aus dieser Bewertung folgt keine automatisierte Entscheidung (Art. 22 DSGVO).",
    employer_onlyThis: "Mehr als diese Bewertung sehen Sie nicht: keine einzelnen Einträge, Notizen, Pläne oder Bilder.",
    employer_seen: "{who} sieht genau diese Bewertung selbst und unter „{page}“, wann Sie sie aufgerufen haben.",
    employer_noAccess: "Diese Person ist Ihnen nicht als Mitarbeitende zugeordnet. Es wird keine Bewertung angezeigt.",
    employer_back: "Zurück zu meinen Mitarbeitenden"
  },
  en: {
    employer_employees: "My employees",
    employer_employeesIntro: "For each person the operator linked to you as an employee, you see an assessment of their planning habits, and only that.",
    employer_noEmployees: "Nobody is linked to you as an employee yet.",
    employer_open: "View assessment",
    employer_title: "Assessment: {who}",
    employer_period: "Period: {from} to {until} ({days} days).", employer_periodOneDay: "Period: {from} (1 day).",
    employer_regularityLabel: "Regularity",
    employer_daily: "Day planning", employer_weekly: "Week planning", employer_quarterlyAndYearly: "Quarter and year planning",
    employer_regularity_daily: "Day planning happened on {percent} of the days in the period.",
    employer_regularity_weekly: "Week planning happened in {percent} of the weeks in the period.",
    employer_regularity_quarterlyAndYearly: "Quarter or year planning happened in {percent} of the quarters in the period.",
    employer_average: "A session takes {minutes} minutes on average.",
    employer_within: "{percent} of the sessions are within the recommended {range} minutes.",
    employer_none: "No sessions recorded in the period (recommended: {range} minutes).",
    employer_untimed: "None of these sessions has its duration recorded (recommended: {range} minutes).",
    employer_notice: "Informative only: no automated decision follows from this assessment (GDPR Art. 22).",
    employer_onlyThis: "You see nothing beyond this assessment: no single entries, notes, plans or pictures.",
    employer_seen: "{who} sees exactly this assessment too, and under “{page}” when you opened it.",
    employer_noAccess: "This person is not linked to you as an employee. No assessment is shown.",
    employer_back: "Back to my employees"
  }
});

function employerNumber(value, options) {
  return new Intl.NumberFormat(dateLocale(), options).format(value);
}

/** One indicator of the assessment in plain sentences, with its regularity as a meter. */
function employerIndicator(name, indicator, heading) {
  const percent = (value) => employerNumber(value, { style: "percent", maximumFractionDigits: 0 });
  const range = String(indicator.recommendedMinutes).replace("-", "–");
  // Every session lasts a minute at least: an average of 0 means no session was timed in the period.
  const timed = indicator.averageMinutes > 0;
  const sentences = indicator.regularity === 0 && !timed ? [textWith("employer_none", { range })] : [
    textWith("employer_regularity_" + name, { percent: percent(indicator.regularity) }),
    ...(timed ? [textWith("employer_average", { minutes: employerNumber(indicator.averageMinutes, { maximumFractionDigits: 1 }) }),
      textWith("employer_within", { percent: percent(indicator.withinRecommendedDuration), range })]
      : [textWith("employer_untimed", { range })])];
  const meterId = "assessment-" + name + "-meter";
  return el("section", { class: "card indicator", id: "assessment-" + name, "data-indicator": name, "aria-labelledby": "assessment-" + name + "-title" },
    el(heading, { id: "assessment-" + name + "-title" }, t("employer_" + name)),
    el("label", { for: meterId, class: "hint" }, t("employer_regularityLabel")),
    el("meter", { id: meterId, min: 0, max: 1, value: indicator.regularity }, percent(indicator.regularity)),
    el("ul", {}, ...sentences.map((sentence) => el("li", {}, sentence))));
}

/**
 * The assessment as an employer sees it: the one component both the employer's page and the
 * employee's preview ("Was Arbeitgeber sehen") render, from the same server computation, so the
 * figures and the layout are identical.
 */
function assessmentView(assessment, headingLevel) {
  const heading = "h" + headingLevel; // the indicators' headings sit one below the page's own
  return el("div", { id: "assessment", class: "assessment" },
    el("p", { id: "assessment-period" }, textWith(assessment.period.days === 1 ? "employer_periodOneDay" : "employer_period", { from: calendarDay(assessment.period.from),
      until: calendarDay(assessment.period.until), days: assessment.period.days })),
    employerIndicator("daily", assessment.daily, heading),
    employerIndicator("weekly", assessment.weekly, heading),
    employerIndicator("quarterlyAndYearly", assessment.quarterlyAndYearly, heading),
    el("p", { class: "hint", id: "assessment-notice" }, t("employer_notice")),
    el("p", { class: "hint", id: "assessment-only-this" }, t("employer_onlyThis")));
}

page("/employees", ["employer"], "employer_employees", async (main) => {
  const data = await api("GET", "/api/employer/employees");
  const items = data.employees.map((employee) => el("li", { class: "card employee", id: "employee-" + employee.id, "data-person": employee.id },
    el("strong", {}, employee.nickname), " — ",
    el("a", { href: "#/employees/" + encodeURIComponent(employee.id) }, t("employer_open"))));
  fill(main, el("h1", {}, t("employer_employees")), el("p", { class: "hint" }, t("employer_employeesIntro")),
    items.length === 0 ? el("p", { id: "no-employees" }, t("employer_noEmployees")) : el("ul", { class: "plain" }, ...items));
});

page("/employees/:id", ["employer"], null, async (main, params) => {
  const id = params.id;
  const back = el("p", {}, el("a", { href: "#/employees" }, t("employer_back")));
  const noAccess = el("p", { class: "card warning", id: "employee-no-access", role: "alert" }, t("employer_noAccess"));
  const employee = (await api("GET", "/api/employer/employees")).employees.find((e) => e.id === id);
  if (!employee) {
    // Not linked: nothing is requested, nothing is shown.
    fill(main, el("h1", {}, t("employer_employees")), noAccess, back);
    return;
  }
  let assessment;
  try {
    assessment = await api("GET", "/api/employer/employees/" + encodeURIComponent(id) + "/assessment");
  } catch (error) {
    if (error.status !== 403) { throw error; }
    failed(error);
    fill(main, el("h1", {}, t("employer_employees")), noAccess, back);
    return;
  }
  const view = assessmentView(assessment, 2);
  view.dataset.person = id;
  fill(main, el("h1", {}, textWith("employer_title", { who: employee.nickname })), view,
    el("p", { class: "watched", id: "assessment-seen" }, textWith("employer_seen", { who: employee.nickname, page: t("accessLog") })),
    back);
});
