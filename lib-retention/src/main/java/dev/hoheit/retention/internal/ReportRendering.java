package dev.hoheit.retention.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hoheit.retention.AuditorFinding;
import dev.hoheit.retention.AuditorReport;
import dev.hoheit.retention.RunReport;
import dev.hoheit.retention.StepReport;
import java.util.Map;

/** Renders the auditor's report as JSON and as a self-contained HTML page. */
public final class ReportRendering {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportRendering() {
    }

    /** The report as JSON, format {@code hoheit-auditor-report/1}. */
    public static String json(AuditorReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "hoheit-auditor-report/1");
        root.put("generatedAt", report.generatedAt().toString());
        root.put("ok", report.ok());
        root.put("complete", report.complete());
        ArrayNode checks = root.putArray("checks");
        report.checks().forEach(checks::add);
        ArrayNode notChecked = root.putArray("notChecked");
        report.notChecked().forEach(notChecked::add);
        ArrayNode findings = root.putArray("findings");
        for (AuditorFinding finding : report.findings()) {
            ObjectNode node = findings.addObject();
            node.put("kind", finding.kind().name());
            node.put("subject", finding.subject());
            node.put("message", finding.message());
            ObjectNode evidence = node.putObject("evidence");
            finding.evidence().forEach(evidence::put);
        }
        ArrayNode runs = root.putArray("recentRuns");
        for (RunReport run : report.recentRuns()) {
            ObjectNode node = runs.addObject();
            node.put("runId", run.runId().toString());
            node.put("trigger", run.trigger().name());
            node.put("startedAt", run.startedAt().toString());
            node.put("finishedAt", run.finishedAt().map(Object::toString).orElse(null));
            node.put("outcome", run.outcome().name());
            ArrayNode steps = node.putArray("steps");
            for (StepReport step : run.steps()) {
                ObjectNode s = steps.addObject();
                s.put("category", step.category());
                s.put("store", step.store());
                s.put("action", step.action().name());
                s.put("cutoff", step.cutoff().toString());
                s.put("affected", step.affected());
                s.put("status", step.status().name());
                step.error().ifPresent(error -> s.put("error", error));
            }
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** The report as a readable HTML page with no scripts and no external resources. */
    public static String html(AuditorReport report) {
        StringBuilder html = new StringBuilder(8192);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Retention verification</title>")
                .append("<style>body{font-family:sans-serif;max-width:60rem;margin:2rem auto;line-height:1.5}")
                .append(".ok{color:#064}.bad{color:#a00}table{border-collapse:collapse}td,th{border:1px solid #999;")
                .append("padding:.3rem .6rem;text-align:left;vertical-align:top}</style></head><body>\n")
                .append("<h1>Retention verification</h1>\n<p>Generated ").append(Html.escape(report.generatedAt().toString()))
                .append(". Result: ").append(!report.ok() ? "<strong class=\"bad\">" + report.findings().size() + " finding(s)</strong>"
                        : report.complete() ? "<strong class=\"ok\">no findings</strong>"
                        : "<strong>no findings in what could be checked; " + report.notChecked().size() + " thing(s) not checked</strong>")
                .append("</p>\n");
        if (!report.complete()) {
            html.append("<h2>Not checked</h2>\n<ul>\n");
            report.notChecked().forEach(line -> html.append("<li>").append(Html.escape(line)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<h2>Findings</h2>\n");
        if (report.findings().isEmpty()) {
            html.append("<p>None.</p>\n");
        } else {
            html.append("<table><thead><tr><th>Kind</th><th>Concerns</th><th>What</th><th>Evidence</th></tr></thead><tbody>\n");
            for (AuditorFinding finding : report.findings()) {
                html.append("<tr><td>").append(Html.escape(finding.kind().name())).append("</td><td>")
                        .append(Html.escape(finding.subject())).append("</td><td>").append(Html.escape(finding.message()))
                        .append("</td><td><dl>");
                for (Map.Entry<String, String> entry : finding.evidence().entrySet()) {
                    html.append("<dt>").append(Html.escape(entry.getKey())).append("</dt><dd>")
                            .append(Html.escape(entry.getValue())).append("</dd>");
                }
                html.append("</dl></td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        html.append("<h2>Checks</h2>\n<ul>\n");
        report.checks().forEach(check -> html.append("<li>").append(Html.escape(check)).append("</li>\n"));
        html.append("</ul>\n<h2>Recent retention runs</h2>\n<table><thead><tr><th>Started</th><th>Trigger</th>")
                .append("<th>Outcome</th><th>Steps</th></tr></thead><tbody>\n");
        for (RunReport run : report.recentRuns()) {
            html.append("<tr><td>").append(Html.escape(run.startedAt().toString())).append("</td><td>")
                    .append(Html.escape(run.trigger().name())).append("</td><td>").append(Html.escape(run.outcome().name())).append("</td><td>");
            for (StepReport step : run.steps()) {
                html.append(Html.escape(step.category() + " in " + step.store() + ": " + step.action() + " " + step.affected()
                        + " before " + step.cutoff() + " (" + step.status() + ")")).append("<br>");
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        return html.toString();
    }
}
