package dev.hoheit.mentoring.web;

import java.util.Map;

/** The JSON bodies the API accepts. Unknown fields are rejected. */
final class Requests {

    private Requests() {
    }

    /** {@code POST /api/accounts}. */
    record Registration(String nickname, String password, String email, String language, Map<String, Boolean> consents) {
    }

    /** {@code POST /api/session}. */
    record Login(String nickname, String password) {
    }

    /** {@code POST /api/me/smoff-sessions}. */
    record SmoffSession(String kind, String date, Integer minutes, String note) {
    }

    /** {@code POST /api/me/daily-planning}: a day's planning session and the day plan written in it. */
    record DailyPlanning(String date, Integer minutes, String note, String plan) {
    }

    /** {@code POST /api/me/welcome}: the first sign-in's explanation is read ({@code seen: true}). */
    record Welcome(Boolean seen) {
    }

    /** {@code POST /api/me/mentors}: invite a mentor by nickname. */
    record MentorInvite(String mentor, String scope) {
    }

    /** {@code PUT /api/me/plans/{kind}/{period}}. */
    record PlanText(String text) {
    }

    /** {@code POST /api/me/messages}. */
    record NewMessage(String to, String text) {
    }

    /** {@code POST /api/operator/employments}. */
    record Employment(String employee, String employer) {
    }

    /** {@code POST /api/operator/courses}. */
    record NewCourse(String name, java.util.List<String> mentees, String mentor, String scope) {
    }

    /** {@code PATCH /api/me}: rectification. */
    record Rectification(String email) {
    }

    /** {@code POST /api/me/consents}: grant or withdraw one purpose. */
    record ConsentChange(String purpose, Boolean granted, Boolean confirm, String language) {
    }

    /** {@code DELETE /api/me}: the password confirms the deletion. */
    record Deletion(String password) {
    }

    /** {@code POST /api/me/restriction}. */
    record RestrictionRequest(String reason) {
    }

    /** {@code POST /api/operator/accounts}. */
    record NewAccount(String nickname, String password, String role) {
    }

    /** {@code POST /api/operator/assignments}. */
    record Assignment(String mentee, String mentor, String scope) {
    }

    /** {@code POST /api/mentor/cases}: a case about a mentee (her id from {@code GET /api/mentees}) for a supervisor (by nickname). */
    record NewCase(String mentee, String supervisor, String question, String notes, Integer weeks) {
    }

    /** {@code POST /api/mentor/cases/{id}/messages} and {@code POST /api/supervisor/cases/{id}/answers}. */
    record CaseText(String text) {
    }
}
