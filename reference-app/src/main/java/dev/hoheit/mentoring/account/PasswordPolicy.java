package dev.hoheit.mentoring.account;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import dev.hoheit.mentoring.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a password must be: 10 to 200 characters, not the nickname, and not guessable. Guessability
 * is zxcvbn's estimate (common and leaked passwords, words, names, keyboard patterns, dates,
 * l33t substitutions, the nickname and the platform's name): a score below 3 ("safely unguessable:
 * moderate protection from an offline attack") is refused, with zxcvbn's explanation in German and
 * English.
 */
public final class PasswordPolicy {

    /** The smallest zxcvbn score accepted (0 to 4). */
    public static final int MIN_SCORE = 3;
    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 200;

    private static final Zxcvbn ZXCVBN = new Zxcvbn();
    private static final List<String> PLATFORM_WORDS = List.of("smoffen", "hoheit");

    private PasswordPolicy() {
    }

    /**
     * Refuses a password that is too short, too long, the nickname, or guessable.
     *
     * @throws WeakPasswordException with the reason in German and English
     */
    public static void check(char[] password, String nickname) {
        if (password == null || password.length < MIN_LENGTH || password.length > MAX_LENGTH) {
            throw new WeakPasswordException(ErrorCode.PASSWORD_LENGTH.with("min", MIN_LENGTH).with("max", MAX_LENGTH),
                    "Ein Passwort hat mindestens " + MIN_LENGTH + " und höchstens " + MAX_LENGTH + " Zeichen.",
                    "A password has at least " + MIN_LENGTH + " and at most " + MAX_LENGTH + " characters.");
        }
        String text = new String(password);
        if (nickname != null && text.strip().equalsIgnoreCase(nickname.strip())) {
            throw new WeakPasswordException(ErrorCode.PASSWORD_IS_NICKNAME.reason(), "Das Passwort muss sich vom Spitznamen unterscheiden.",
                    "The password must differ from the nickname.");
        }
        List<String> inputs = new ArrayList<>(PLATFORM_WORDS);
        if (nickname != null && !nickname.isBlank()) {
            inputs.add(nickname.strip());
        }
        Strength strength = ZXCVBN.measure(text, inputs);
        if (strength.getScore() < MIN_SCORE) {
            Feedback feedback = strength.getFeedback();
            throw new WeakPasswordException(ErrorCode.PASSWORD_GUESSABLE.reason(), explain(feedback, Locale.GERMAN,
                    "Dieses Passwort ist zu leicht zu erraten (es ist häufig, steht in Listen bekannter Passwörter oder folgt einem einfachen Muster)."),
                    explain(feedback, Locale.ENGLISH,
                            "This password is too easy to guess (it is common, appears in lists of known passwords, or follows a simple pattern)."));
        }
    }

    private static String explain(Feedback feedback, Locale locale, String first) {
        StringBuilder text = new StringBuilder(first);
        String warning = feedback.getWarning(locale);
        if (warning != null && !warning.isBlank()) {
            text.append(' ').append(warning);
        }
        for (String suggestion : feedback.getSuggestions(locale)) {
            text.append(' ').append(suggestion);
        }
        text.append(Locale.GERMAN.equals(locale)
                ? " Gut sind mehrere ungewöhnliche Wörter, die Sie sich merken können."
                : " Several unusual words you can remember make a good password.");
        return text.toString();
    }
}
