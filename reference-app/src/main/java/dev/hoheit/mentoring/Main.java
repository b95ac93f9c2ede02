package dev.hoheit.mentoring;

/**
 * Starts Smoffen: {@code java -jar hoheit-mentoring.jar [--demo]}, or resets the operator's lost password:
 * {@code java -jar hoheit-mentoring.jar reset-operator-password}. Configuration comes from the environment.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        AppSettings settings = AppSettings.from(System.getenv(), args);
        if (args.length > 0 && "reset-operator-password".equals(args[0])) {
            // The way back after a lost operator password (README, "Lost the operator password").
            String password = SmoffenApp.resetOperatorPassword(settings);
            System.out.println("\nThe operator account 'operator' has the one-time password " + password
                    + "\nSign in with it and choose a new password at once; every session of the operator has ended.\n");
            return;
        }
        SmoffenApp app = SmoffenApp.start(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "smoffen-shutdown"));
        app.generatedOperatorPassword().ifPresent(password -> System.out.println(
                "\nFirst start: the operator account is 'operator' with password " + password
                        + "\nIt is shown only this once. Set HOHEIT_OPERATOR_PASSWORD to choose it yourself.\n"));
        if (app.operatorPasswordIgnored()) {
            System.out.println("\nHOHEIT_OPERATOR_PASSWORD was ignored: the operator account exists already, and the variable only"
                    + " chooses the password of the first start.\nTo give the operator a new password, stop the app and run:"
                    + " ./smoffen reset-operator-password (or java -jar hoheit-mentoring.jar reset-operator-password)\n");
        }
        if (settings.demo()) {
            System.out.println("Demo accounts (password " + DemoData.PASSWORD + "): demo-mentee, demo-mentor, demo-employer, demo-auditor"
                    + (app.demoSeeded() ? " (created now)" : ""));
        }
        System.out.println("Smoffen runs at http://" + settings.browserHost() + ":" + app.port() + "/ (listening on "
                + settings.host() + (settings.host().equals(AppSettings.DEFAULT_HOST) ? ", this machine only; HOHEIT_HOST=0.0.0.0 opens it to the network" : "")
                + "; data in " + settings.dataDir() + ")");
    }
}
