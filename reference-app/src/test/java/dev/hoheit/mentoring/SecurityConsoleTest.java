package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The account security pages in a real browser: recovery codes at registration, the security page
 * (password, sessions, new codes), the forced change of an operator-issued password, the operator's
 * reset code and the "forgot password" page, with screenshots.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class SecurityConsoleTest {

    private static final String PASSWORD = "correct horse 90";

    @DatabaseTest
    void a_person_keeps_her_account_safe_and_finds_her_way_back(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now())) {
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-security")) {
                // Registration shows the recovery codes once.
                browser.open("#/register");
                browser.type(By.id("nickname"), "greta");
                browser.type(By.id("password"), "password123");
                for (String purpose : List.of("privacy-policy", "terms-mentee")) {
                    browser.driver.findElement(By.id("consent-" + purpose)).click();
                }
                browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "zu leicht zu erraten");
                browser.screenshot("weak-password");
                browser.type(By.id("password"), PASSWORD);
                browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                List<WebElement> codes = browser.visible(By.id("recovery-codes")).findElements(By.tagName("li"));
                assertEquals(10, codes.size());
                browser.screenshot("recovery-codes");
                browser.driver.findElement(By.id("codes-saved")).click();
                browser.wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("#/smoff-time")); // signed in at once
                browser.signOut();
                browser.visible(By.id("forgot-link"));

                // A second session elsewhere, then the security page.
                TestApp.Client phone = app.client();
                assertEquals(200, phone.signIn("greta", PASSWORD).statusCode());
                browser.signIn("greta", PASSWORD);
                browser.menu("#/security");
                assertEquals(2, browser.visible(By.id("sessions")).findElements(By.cssSelector("li.session")).size());
                browser.screenshot("security-page");
                browser.driver.findElement(By.id("end-others")).click();
                browser.waitForText(By.id("message"), "Andere Sitzungen beendet: 1");
                assertEquals(401, phone.get("/api/me").statusCode(), "signed out everywhere else");

                browser.type(By.id("current-password"), PASSWORD);
                browser.type(By.id("new-password"), "silver maple kayak 3");
                browser.type(By.id("new-password-repeat"), "silver maple kayak 3");
                browser.driver.findElement(By.cssSelector("#password-form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "Ihr Passwort ist geändert");

                browser.type(By.id("codes-password"), "silver maple kayak 3");
                browser.driver.findElement(By.cssSelector("#codes-form button[type=submit]")).click();
                String fresh = browser.visible(By.cssSelector("#recovery-codes li")).getText();
                browser.screenshot("new-recovery-codes");
                browser.driver.findElement(By.id("codes-saved")).click();
                browser.waitForText(By.id("codes-status"), "Noch gültig: 10 von 10");
                browser.signOut();

                // Forgot the password: a recovery code sets a new one.
                browser.visible(By.id("forgot-link")).click();
                browser.type(By.id("nickname"), "greta");
                browser.type(By.id("code"), fresh);
                browser.type(By.id("new-password"), "quiet harbour lantern 8");
                browser.type(By.id("new-password-repeat"), "quiet harbour lantern 8");
                browser.screenshot("forgot-password");
                browser.driver.findElement(By.cssSelector("#forgot-form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "Ihr neues Passwort gilt");
                browser.signIn("greta", "quiet harbour lantern 8");
                browser.menu("#/security");
                browser.waitForText(By.id("codes-status"), "Noch gültig: 9 von 10");
                assertEquals(1, browser.driver.findElements(By.cssSelector("#codes-used li")).size(), "she sees the use");
                browser.signOut();

                // An operator-made account changes its password before anything else.
                TestApp.Client operator = app.client();
                operator.signIn("operator", "operator-secret-1");
                assertEquals(201, operator.post("/api/operator/accounts", Map.of("nickname", "moritz", "password", PASSWORD, "role", "mentor"))
                        .statusCode());
                browser.open("#/signin");
                browser.type(By.id("nickname"), "moritz");
                browser.type(By.id("password"), PASSWORD);
                browser.driver.findElement(By.cssSelector("form button[type=submit]")).click();
                browser.visible(By.id("forced-password-form"));
                browser.settled();
                browser.screenshot("forced-change");
                browser.type(By.id("current-password"), PASSWORD);
                browser.type(By.id("new-password"), "amber glacier piano 4");
                browser.type(By.id("new-password-repeat"), "amber glacier piano 4");
                browser.driver.findElement(By.cssSelector("#forced-password-form button[type=submit]")).click();
                browser.visible(By.id("terms-form")); // then the terms of his role, as before
                browser.signOut();

                // The operator issues a reset code; greta uses it on the "forgot password" page.
                browser.signIn("operator", "operator-secret-1");
                browser.menu("#/accounts");
                WebElement account = browser.visible(By.cssSelector("li.op-account[data-nickname=greta]"));
                account.findElement(By.cssSelector("button[data-action=reset-code]")).click();
                WebElement shown = browser.visible(By.cssSelector("li.op-account[data-nickname=greta] .reset-code"));
                browser.screenshot("operator-reset-code");
                String text = shown.getText();
                String code = text.substring(text.indexOf("): ") + 3, text.indexOf("): ") + 3 + 29);
                browser.signOut();
                browser.open("#/forgot-password");
                browser.type(By.id("nickname"), "greta");
                browser.type(By.id("code"), code);
                browser.type(By.id("new-password"), "copper meadow signal 6");
                browser.type(By.id("new-password-repeat"), "copper meadow signal 6");
                browser.driver.findElement(By.cssSelector("#forgot-form button[type=submit]")).click();
                browser.waitForText(By.id("message"), "Ihr neues Passwort gilt");
                browser.signIn("greta", "copper meadow signal 6");
                browser.menu("#/security");
                browser.waitForText(By.id("reset-codes"), "benutzt");
                browser.screenshot("security-after-reset");
            }
        }
    }
}
