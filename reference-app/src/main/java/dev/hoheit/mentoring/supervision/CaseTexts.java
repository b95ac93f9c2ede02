package dev.hoheit.mentoring.supervision;

import dev.hoheit.mentoring.account.Account;
import dev.hoheit.mentoring.account.AccountService;
import dev.hoheit.mentoring.core.AppException;
import dev.hoheit.mentoring.core.ErrorCode;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The check every free text of a case passes before it is shared (R26): the mentor's question, notes
 * and follow-ups and the supervisor's answers. A text is refused, with the reason, when it names the
 * mentee (her nickname or a look-alike, also inside a longer word; her e-mail address), contains any
 * e-mail address or id, or a word that is the nickname of any other account. It is a guard against
 * slips, not a proof of anonymity: the mentor is told that a case must not identify the person.
 */
final class CaseTexts {

    /** The longest text in a case. */
    static final int MAX_TEXT = 4_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** What a nickname is made of (letters, digits, '.', '_', '-'); anything else separates words. */
    private static final Pattern SEPARATOR = Pattern.compile("[^\\p{L}\\p{N}._-]+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[._-]+|[._-]+$");

    private CaseTexts() {
    }

    /**
     * The text, stripped, when it may be shared; a 422 naming the problem otherwise.
     *
     * @param what the field, for the message ("the question")
     * @param required whether an empty text is refused (else an empty text is {@code null})
     */
    static String check(String what, String text, boolean required, Account mentee, Optional<String> menteeEmail, AccountService accounts) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw AppException.unprocessable(ErrorCode.CASE_TEXT_REQUIRED, what + " is required");
            }
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_TEXT) {
            throw AppException.unprocessable(ErrorCode.CASE_TEXT_TOO_LONG.with("max", MAX_TEXT), what + " has at most " + MAX_TEXT + " characters");
        }
        if (AccountService.mentions(stripped, mentee.nickname())) {
            throw AppException.unprocessable(ErrorCode.CASE_NAMES_MENTEE, what + " names the mentee (her nickname or a look-alike of it): a case is pseudonymised;"
                    + " please write about her without her name");
        }
        if (menteeEmail.isPresent() && stripped.toLowerCase(Locale.ROOT).contains(menteeEmail.get().toLowerCase(Locale.ROOT))) {
            throw AppException.unprocessable(ErrorCode.CASE_CONTAINS_MENTEE_EMAIL, what + " contains the mentee's e-mail address: a case is pseudonymised; please remove it");
        }
        if (EMAIL.matcher(stripped).find()) {
            throw AppException.unprocessable(ErrorCode.CASE_CONTAINS_EMAIL, what + " contains an e-mail address: a case is pseudonymised; please remove it");
        }
        if (UUID.matcher(stripped).find()) {
            throw AppException.unprocessable(ErrorCode.CASE_CONTAINS_ID, what + " contains an id: a case is pseudonymised; please remove it");
        }
        Set<String> words = new LinkedHashSet<>();
        for (String word : SEPARATOR.split(stripped)) {
            words.add(word);
            words.add(EDGE_PUNCTUATION.matcher(word).replaceAll(""));
        }
        words.removeIf(word -> word.length() < 3 || word.length() > 40);
        Set<String> nicknames = accounts.nicknamesAmong(words);
        if (!nicknames.isEmpty()) {
            throw AppException.unprocessable(ErrorCode.CASE_NAMES_ACCOUNT.with("nicknames", String.join(", ", new TreeSet<>(nicknames))),
                    what + " contains the nickname of an account (" + String.join(", ", new TreeSet<>(nicknames))
                    + "): a case names nobody; please describe the person instead");
        }
        return stripped;
    }
}
