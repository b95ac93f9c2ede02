package dev.hoheit.samples.registration;

/** The last step of a registration, inside its transaction (a welcome message); if it fails, the registration is undone. */
public interface Welcome {

    /** Greets a new user. */
    void greet(String userId);
}
