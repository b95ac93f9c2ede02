package dev.hoheit.mentoring.web;

import dev.hoheit.audit.AuditAction;
import dev.hoheit.audit.AuditPage;
import dev.hoheit.audit.AuditQuery;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ?offset=&limit=} or {@code ?cursor=&limit=} of a list endpoint, or {@code ?before=&limit=} of an audit
 * timeline: at most {@link #MAX_LIMIT} items a page, {@link #DEFAULT_LIMIT} unless asked (lists that were
 * whole before paging came: {@link #MAX_LIMIT}). A page fetches one item more than it shows, to tell whether
 * there is more; a list's {@code next} is an opaque cursor for the following page (null on the last), to
 * send back as {@code ?cursor=}: a position where the list has no order key, a keyset where it has one.
 */
record Paging(int offset, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    /** The paging a request asks for; 400 for anything but whole numbers in range. */
    static Paging of(Context ctx) {
        return of(ctx, DEFAULT_LIMIT);
    }

    /** The page size a request asks for ({@code ?limit=}), {@code defaultLimit} unless asked. */
    static int limit(Context ctx, int defaultLimit) {
        return number(ctx, "limit", defaultLimit, 1, MAX_LIMIT);
    }

    /** The paging a request asks for, {@code defaultLimit} items a page unless asked. */
    static Paging of(Context ctx, int defaultLimit) {
        int limit = number(ctx, "limit", defaultLimit, 1, MAX_LIMIT);
        String cursor = ctx.queryParam("cursor");
        if (cursor == null || cursor.isBlank()) {
            return new Paging(number(ctx, "offset", 0, 0, 1_000_000), limit);
        }
        String position = decode(cursor);
        try {
            int offset = position.startsWith("o") ? Integer.parseInt(position.substring(1)) : -1;
            if (offset >= 0 && offset <= 1_000_000) {
                return new Paging(offset, limit);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badCursor();
    }

    /**
     * A page of a list held in memory (short by construction: a person's mentors, plans, pictures under
     * their cap), {@code {name: page, offset, limit, more, next}}; {@link #MAX_LIMIT} items unless asked.
     */
    static Map<String, Object> slice(Context ctx, String name, List<?> all) {
        Paging paging = of(ctx, MAX_LIMIT);
        int from = Math.min(paging.offset(), all.size());
        return paging.json(name, all.subList(from, Math.min(from + paging.fetch(), all.size())));
    }

    /** The keyset a request's {@code ?cursor=} carries (what {@link #keysetCursor} made), if any. */
    static java.util.Optional<String> keyset(Context ctx) {
        String cursor = ctx.queryParam("cursor");
        if (cursor == null || cursor.isBlank()) {
            return java.util.Optional.empty();
        }
        String position = decode(cursor);
        if (!position.startsWith("k")) {
            throw badCursor();
        }
        return java.util.Optional.of(position.substring(1));
    }

    /** An opaque cursor for the keyset {@code key}. */
    static String keysetCursor(String key) {
        return encode("k" + key);
    }

    /** {@code {name: the page's items, limit, next}} of a keyset page, from what was fetched ({@code limit + 1}). */
    static <T> Map<String, Object> keysetJson(String name, List<T> fetched, int limit, java.util.function.Function<T, ?> item,
                                              java.util.function.Function<T, String> key) {
        List<T> page = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(name, page.stream().map(item).toList());
        json.put("limit", limit);
        json.put("more", fetched.size() > limit);
        json.put("next", fetched.size() > limit ? keysetCursor(key.apply(page.get(page.size() - 1))) : null);
        return json;
    }

    private static String encode(String position) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            if (cursor.length() > 400) {
                throw badCursor();
            }
            return new String(java.util.Base64.getUrlDecoder().decode(cursor.strip()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    private static AppException badCursor() {
        return AppException.badRequest(ErrorCode.CURSOR_INVALID, "cursor is the next value of the previous page");
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
        json.put("next", fetched.size() > limit ? encode("o" + (offset + limit)) : null);
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
        throw AppException.badRequest(ErrorCode.BEFORE_INVALID, "before is the next value of the previous page, a whole number above 0");
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
        throw AppException.badRequest(ErrorCode.NUMBER_OUT_OF_RANGE.with("name", name).with("min", min).with("max", max), name + " is a whole number from " + min + " to " + max);
    }
}
