package dev.hoheit.consent;

import java.util.List;
import java.util.Optional;

/**
 * One page of subject ids, in ascending order. Pass {@link #next()} as {@code after} to get the next page.
 *
 * @param subjectIds the ids on this page
 * @param next the cursor for the next page, empty on the last page
 * @since 0.1
 */
public record SubjectPage(List<String> subjectIds, Optional<String> next) {

    /** Copies the list. */
    public SubjectPage {
        subjectIds = List.copyOf(subjectIds);
    }
}
