package dev.hoheit.mentoring.web;

import dev.hoheit.mentoring.AppException;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ?offset=&limit=} of a list endpoint: at most {@link #MAX_LIMIT} items a page, {@link #DEFAULT_LIMIT}
 * unless asked. A page fetches one item more than it shows, to tell whether there is more.
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
