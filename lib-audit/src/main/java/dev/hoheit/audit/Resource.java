package dev.hoheit.audit;

import static dev.hoheit.audit.Arguments.CHECKS;

/**
 * What was touched: a type (such as {@code plan} or {@code picture}) and an id (may be null for a
 * whole collection).
 *
 * @param type the kind of resource
 * @param id the resource id, or null
 * @since 0.1
 */
public record Resource(String type, String id) {

    /** Validates the resource. */
    public Resource {
        type = CHECKS.token("resource type", type, 64);
        id = id == null || id.isBlank() ? null : CHECKS.text("resource id", id, 200);
    }

    /** Shorthand for the constructor. */
    public static Resource of(String type, String id) {
        return new Resource(type, id);
    }

    /** A resource without an id. */
    public static Resource of(String type) {
        return new Resource(type, null);
    }
}
