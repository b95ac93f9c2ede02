package dev.hoheit.mentoring.account;

/** A password the {@link PasswordPolicy} refuses, with the reason in plain words, in German and in English. */
public final class WeakPasswordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String german;

    WeakPasswordException(String german, String english) {
        super(english);
        this.german = german;
    }

    /** The reason in German. */
    public String german() {
        return german;
    }

    /** The reason in English. */
    public String english() {
        return getMessage();
    }
}
