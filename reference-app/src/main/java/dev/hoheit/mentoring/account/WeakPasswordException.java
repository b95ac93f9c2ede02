package dev.hoheit.mentoring.account;

/** A password the {@link PasswordPolicy} refuses, with the reason in plain words, in German and in English. */
public final class WeakPasswordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String german;
    private final dev.hoheit.mentoring.core.ErrorCode.Reason reason;
    private final String field; // null: not about a form's field

    WeakPasswordException(dev.hoheit.mentoring.core.ErrorCode.Reason reason, String german, String english) {
        this(reason, german, english, null);
    }

    private WeakPasswordException(dev.hoheit.mentoring.core.ErrorCode.Reason reason, String german, String english, String field) {
        super(english);
        this.german = german;
        this.reason = reason;
        this.field = field;
    }

    /** The same refusal, about the form field {@code field} (the error body lists it under {@code fields}). */
    public WeakPasswordException inField(String field) {
        return new WeakPasswordException(reason, german, getMessage(), field);
    }

    /** The form field the password was given in, if the refusal is about one. */
    public java.util.Optional<String> field() {
        return java.util.Optional.ofNullable(field);
    }

    /** The stable code of the reason (the error contract's {@code code}), with its values. */
    public dev.hoheit.mentoring.core.ErrorCode.Reason reason() {
        return reason;
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
