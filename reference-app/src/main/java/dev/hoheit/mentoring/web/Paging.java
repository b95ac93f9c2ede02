package dev.hoheit.mentoring.web;

import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditPage;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.mentoring.AppException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ?offset=&limit=} of a list endpoint, or {@code ?before=&limit=} of an audit timeline: at most
 * {@link #MAX_LIMIT} items a page, {@link #DEFAULT_LIMIT} unless asked. A page fetches one item more than it
 * shows, to tell whether there is more.
 */
record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** The paging a request asks for; 400 for anything but whole numbers in range. */
    static Paging of(Context ctx) {
        return new Paging(number(ctx, "offset", 0, 0, 1_000_000), number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
    }

    /** How many items to fetch: one more than a page, to tell whether there is more. */
    int fetch() {
        return limit + 1;
    }

    /** {@code {name: the page's items, offset, limit, more}} from what {@link #fetch()} returned. */
    Map<String, Object> json(String name, List<?> fetched) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(name, fetched.size() > limit ? fetched.subList(0, limit) : fetched);
        json.put("offset", offset);
        json.put("limit", limit);
        json.put("more", fetched.size() > limit);
        return json;
    }

    /**
     * {@code ?before=&limit=} of an audit timeline, newest first: keyset paging by log position, so a page
     * neither skips nor repeats entries while new ones arrive. {@code before} is the {@code next} of the
     * previous page.
     */
    static AuditQuery auditQuery(Context ctx, AuditAction... actions) {
        AuditQuery query = AuditQuery.newest(number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT));
        if (actions.length > 0) {
            query = query.actions(actions[0], java.util.Arrays.copyOfRange(actions, 1, actions.length));
        }
        String before = ctx.queryParam("before");
        if (before == null || before.isBlank()) {
            return query;
        }
        try {
            long seq = Long.parseLong(before.strip());
            if (seq > 0) {
                return query.before(seq);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AppException.badRequest("before is the next value of the previous page, a whole number above 0");
    }

    /** {@code {name: the page's entries, limit, next}}; {@code next} is null on the last page. */
    static Map<String, Object> json(String name, List<?> entries, AuditQuery query, AuditPage page) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(name, entries);
        json.put("limit", query.limit());
        json.put("next", page.next().isPresent() ? page.next().getAsLong() : null);
        return json;
    }

    private static int number(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw AppException.badRequest(name + " is a whole number from " + min + " to " + max);
    }
}
