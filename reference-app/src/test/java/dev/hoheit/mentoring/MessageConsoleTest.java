package dev.hoheit.mentoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hoheit.testkit.DatabaseTest;
import dev.hoheit.testkit.TestDatabase;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;

/**
 * The message box belongs to the page it was shown on (issue 14, item 2): opening another page
 * clears it, re-rendering the same page keeps it, and a message that comes with a change of page
 * (signed out, account deleted) shows on the page it leads to.
 */
@Tag("browser") // drives a real Chromium: run by Failsafe in verify, after the unit tests
class MessageConsoleTest {

    @DatabaseTest
    void a_message_is_cleared_when_another_page_opens_and_kept_when_it_leads_there(TestDatabase db) {
        try (TestApp app = new TestApp(db, Instant.now())) {
            app.client().register("messa", "message-secret-1");
            try (ConsoleBrowser browser = new ConsoleBrowser(app, db.kind() + "-messages")) {
                browser.signIn("messa", "message-secret-1");
                browser.open("#/my-data");
                browser.visible(By.id("email-edit")).click();
                browser.type(By.id("new-email"), "messa@example.org");
                browser.driver.findElement(By.cssSelector("#email-form button[type=submit]")).click();
                browser.waitForText(By.id("email-now"), "messa@example.org");
                assertTrue(!browser.visible(By.id("message")).getText().isBlank(), "the save is confirmed on its page");
                browser.screenshot("saved-on-its-page");

                browser.menu("#/security");
                browser.settled();
                assertEquals("", browser.driver.findElement(By.id("message")).getText(),
                        "another page opened: the confirmation of the last one is gone");

                // An error on one page does not follow the person to the next either.
                browser.open("#/my-data");
                browser.visible(By.id("email-edit")).click();
                browser.type(By.id("new-email"), "not an address");
                browser.driver.findElement(By.cssSelector("#email-form button[type=submit]")).click();
                browser.visible(By.cssSelector("#message .error"));
                browser.screenshot("error-on-its-page");
                browser.menu("#/security");
                browser.settled();
                assertEquals("", browser.driver.findElement(By.id("message")).getText(), "the error stays behind with its page");

                // Signing out leads to the sign-in page, and the goodbye comes along; nothing of the session stays.
                browser.signOut();
                assertTrue(browser.driver.findElements(By.cssSelector("#message .error")).isEmpty());
            }
        }
    }
}
