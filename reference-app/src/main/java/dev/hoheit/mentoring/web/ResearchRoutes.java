package dev.hoheit.mentoring.web;

import dev.hoheit.audit.Actor;
import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditEvent;
import dev.hoheit.audit.AuditLog;
import dev.hoheit.audit.Resource;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.Role;
import dev.hoheit.mentoring.research.ResearchExport;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The research export (R20) for the operator: anonymised planning statistics per ISO week, as JSON
 * or CSV ({@code ?format=csv}); each export is in the audit log with its period and how many cells
 * were suppressed.
 */
final class ResearchRoutes {

    /** Weeks an export covers unless asked: the current one and the eleven before it. */
    private static final int DEFAULT_WEEKS = 12;

    private final ResearchExport research;
    private final AuditLog audit;
    private final Clock clock;

    ResearchRoutes(ResearchExport research, AuditLog audit, Clock clock) {
        this.research = research;
        this.audit = audit;
        this.clock = clock;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/operator/research-export", this::export);
    }

    private void export(Context ctx) {
        Account operator = Access.require(ctx, Role.OPERATOR);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        String from = orDefault(ctx.queryParam("from"), week(today.minusWeeks(DEFAULT_WEEKS - 1)));
        String to = orDefault(ctx.queryParam("to"), week(today));
        String format = orDefault(ctx.queryParam("format"), "json");
        if (!format.equals("json") && !format.equals("csv")) {
            throw AppException.badRequest(ErrorCode.FORMAT_INVALID.with("formats", "json, csv"), "format is json or csv");
        }
        ResearchExport.Report report = research.export(from, to);
        audit.append(AuditEvent.of(Actor.of(operator.id(), Role.OPERATOR.id()), AuditAction.EXPORT, Resource.of("research-export"))
                .withDetails(Map.of("from", report.from(), "to", report.to(), "k", Integer.toString(report.k()),
                        "cells", Integer.toString(report.cells().size()), "suppressed", Long.toString(report.suppressedCells()),
                        "format", format))
                .from(Web.client(ctx)));
        if (format.equals("csv")) {
            ctx.header("Content-Disposition", "attachment; filename=\"smoffen-research-" + report.from() + "-" + report.to() + ".csv\"");
            ctx.contentType("text/csv; charset=utf-8").result(ResearchExport.csv(report));
        } else {
            ctx.json(json(report));
        }
    }

    private static Map<String, Object> json(ResearchExport.Report report) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("method", report.method());
        json.put("k", report.k());
        json.put("from", report.from());
        json.put("to", report.to());
        json.put("cohort", report.cohort());
        json.put("cells", report.cells().stream().map(cell -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("week", cell.week());
            c.put("kind", cell.kind());
            c.put("suppressed", cell.suppressed());
            c.put("people", cell.people());
            c.put("entries", cell.entries());
            c.put("minutes", cell.minutes());
            c.put("meanMinutesPerPerson", cell.meanMinutesPerPerson());
            return c;
        }).toList());
        return json;
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String week(LocalDate date) {
        return String.format(Locale.ROOT, "%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
