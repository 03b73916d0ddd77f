package dev.hourglass.cli;

import static dev.hourglass.cli.UiFixture.IMAGE;
import static dev.hourglass.cli.UiFixture.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowExecutionStatus;
import dev.hourglass.client.WorkflowStub;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The web UI in a real browser, headless Chromium, over a store where a real worker ran orders: what a person
 * clicks, and that what a history holds shows as text, never as markup. Each test saves a screenshot of its page.
 */
class UiBrowserTest {

    private static UiFixture ui;
    private static Browser browser;
    private static ChromeDriver driver;

    @BeforeAll
    static void start() {
        browser = Browser.start(); // first: skips the class before a store is made when there is no browser
        ui = UiFixture.withOrdersAndInjections();
        driver = browser.driver();
    }

    @AfterAll
    static void stop() throws IOException {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            if (ui != null) {
                ui.close();
            }
        }
    }

    @Test
    void listsTheRunsWithTheirStatusesAndCounts() {
        open("/");

        // other tests of the class may have started runs since: they come first, the newest
        assertThat(workflowIds()).endsWith(IMAGE, SCRIPT, "order-5", "order-4", "order-3", "order-2", "order-1");
        assertThat(driver.findElement(By.cssSelector(".statuses [data-status='FAILED']")).getText())
                .isEqualTo("Failed 2");
        browser.screenshot("ui-list");
    }

    @Test
    void filtersTheListByStatusByTypeAndById() {
        open("/");

        driver.findElement(By.cssSelector(".statuses [data-status='FAILED']")).click();
        assertThat(workflowIds()).containsExactly(IMAGE, "order-4");

        new Select(driver.findElement(By.id("type"))).selectByVisibleText("OrderWorkflow");
        driver.findElement(By.id("q")).sendKeys("order");
        driver.findElement(By.id("apply")).click();

        assertThat(workflowIds()).containsExactly("order-4");
        assertThat(driver.getCurrentUrl()).contains("status=FAILED").contains("type=OrderWorkflow").contains("q=order");
        browser.screenshot("ui-list-filtered");
    }

    @Test
    void pagesToTheOlderRunsAndBackToTheNewerOnes() {
        open("/?q=order-&size=2");

        driver.findElement(By.id("next")).click();
        assertThat(workflowIds()).containsExactly("order-3", "order-2");
        assertThat(driver.findElement(By.id("page-info")).getText()).isEqualTo("Page 2 of 3 · 5 runs");
        driver.findElement(By.id("next")).click();
        assertThat(workflowIds()).containsExactly("order-1");
        driver.findElement(By.id("previous")).click();
        assertThat(workflowIds()).containsExactly("order-3", "order-2");
        driver.findElement(By.id("previous")).click();

        assertThat(workflowIds()).containsExactly("order-5", "order-4");
        assertThat(driver.findElements(By.id("previous"))).isEmpty();
        browser.screenshot("ui-list-paged");
    }

    @Test
    void opensAWorkflowAndDrawsOneBarPerActivityWithItsAttempts() {
        open("/");

        driver.findElement(By.linkText("order-1")).click();

        assertThat(driver.findElement(By.id("workflow-id")).getText()).isEqualTo("order-1");
        List<WebElement> bars = driver.findElements(By.cssSelector(".hg-activity"));
        assertThat(bars).extracting(bar -> bar.getAttribute("data-activity-type"), bar -> bar.getAttribute(
                "data-attempt"), bar -> bar.getAttribute("data-outcome")).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("reserve", "3", "completed"),
                        org.assertj.core.groups.Tuple.tuple("ship", "1", "completed"));
        assertThat(driver.findElements(By.cssSelector(".hg-event"))).hasSize(11);
        assertThat(driver.findElements(By.cssSelector(".hg-timer"))).isNotEmpty();
        driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id("history")));
        browser.screenshot("ui-workflow");
    }

    @Test
    void expandsAFailureWithItsStackTrace() {
        open(UiFixture.path("order-4"));

        driver.findElement(By.cssSelector("#summary-failure summary")).click();
        WebElement failedEvent = driver.findElement(By.cssSelector(".hg-event[data-event-type='ActivityTaskFailed']"));
        failedEvent.findElement(By.tagName("summary")).click();

        assertThat(driver.findElement(By.cssSelector("#summary-failure .stack")).getText())
                .startsWith("ActivityFailure[ship, attempt 1]\n    at dev.hourglass.")
                .endsWith("caused by: Unshippable \"cannot ship unshippable\"");
        assertThat(failedEvent.findElement(By.tagName("details")).getAttribute("open")).isNotNull();
        assertThat(failedEvent.getText()).contains("cannot ship unshippable");
        driver.executeScript("arguments[0].scrollIntoView();", driver.findElement(By.id("summary-failure")));
        browser.screenshot("ui-failure");
    }

    @Test
    void showsThePendingActivityWithItsAttemptAndLastFailure() {
        open(UiFixture.path("order-3"));

        WebElement pending = driver.findElement(By.cssSelector("#pending-activities .pending-activity"));

        assertThat(pending.findElement(By.className("attempt")).getText()).isEqualTo("3");
        assertThat(pending.getText()).contains("reserve", "java.lang.IllegalStateException: no stock of broken");
        browser.screenshot("ui-pending");
    }

    @Test
    void showsTheEventOfASignalSentElsewhereWithoutReloading() {
        WorkflowStub order = ui.store().start("browser-polled", "book");
        OrdersStore.awaitApproval(order);
        open(UiFixture.path("browser-polled"));
        driver.executeScript("window.hourglassNotReloaded = true;");

        order.signal("approve", "erin");

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".hg-event[data-event-type='WorkflowExecutionSignaled']")));
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".hg-event[data-event-type='WorkflowExecutionCompleted']")));
        assertThat(driver.executeScript("return window.hourglassNotReloaded === true;")).isEqualTo(true);
        assertThat(driver.findElement(By.id("summary-status")).getText()).isEqualTo("Completed");
        assertThat(driver.findElement(By.id("actions")).isDisplayed()).isFalse();
    }

    @Test
    void signalsARunThroughItsConfirmedFormAndSeesItsEventsAppear() throws Exception {
        WorkflowStub order = ui.store().start("browser-signal", "book");
        OrdersStore.awaitApproval(order);
        open(UiFixture.path("browser-signal"));

        driver.findElement(By.id("signal-name")).sendKeys("approve");
        driver.findElement(By.id("signal-args")).sendKeys("[\"dora\"]");
        driver.findElement(By.id("signal-send")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();

        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("notice")));
        assertThat(driver.findElement(By.id("notice")).getText())
                .isEqualTo("Signaled browser-signal with approve[\"dora\"].");
        assertThat(order.getResult(30, TimeUnit.SECONDS, String.class)).endsWith("approved by dora");
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".hg-event[data-event-type='WorkflowExecutionCompleted']")));
        assertThat(driver.findElements(By.cssSelector(".hg-event[data-event-type='WorkflowExecutionSignaled']")))
                .hasSize(1);
        browser.screenshot("ui-signaled");
    }

    @Test
    void doesNothingWhenTheConfirmationIsDismissed() {
        WorkflowStub order = ui.store().start("browser-dismissed", "book");
        OrdersStore.awaitApproval(order);
        open(UiFixture.path("browser-dismissed"));

        driver.findElement(By.id("terminate-run")).click();
        browser.waiting().until(ExpectedConditions.alertIsPresent()).dismiss();

        assertThat(driver.findElements(By.id("notice"))).isEmpty();
        assertThat(order.describe().getStatus()).isEqualTo(WorkflowExecutionStatus.RUNNING);
    }

    @Test
    void showsAWorkflowIdAndAnInputHoldingMarkupAsText() {
        open("/");
        assertThat(workflowIds()).contains(SCRIPT, IMAGE);
        assertNothingInjected();

        driver.findElement(By.linkText(SCRIPT)).click();

        assertThat(driver.findElement(By.id("workflow-id")).getText()).isEqualTo(SCRIPT);
        assertThat(driver.findElement(By.id("summary-input")).getText()).isEqualTo("[\"\\\"'><img src=x"
                + " onerror=alert(1)>\"]");
        assertNothingInjected();
        browser.screenshot("ui-injection-input");
    }

    @Test
    void showsAFailureMessageHoldingMarkupAsText() {
        open(UiFixture.path(IMAGE));

        driver.findElement(By.cssSelector("#summary-failure summary")).click();

        assertThat(driver.findElement(By.id("workflow-id")).getText()).isEqualTo(IMAGE);
        assertThat(driver.findElement(By.cssSelector("#summary-failure summary")).getText())
                .contains("cannot ship unshippable " + SCRIPT);
        assertNothingInjected();
        browser.screenshot("ui-injection-failure");
    }

    private static void open(String path) {
        driver.get(ui.uri().resolve(path).toString());
    }

    private static List<String> workflowIds() {
        return driver.findElements(By.cssSelector("a.workflow-id")).stream().map(WebElement::getText).toList();
    }

    /** No alert is open, no image was added, and the only script is the UI's own. */
    private static void assertNothingInjected() {
        assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        assertThat(driver.findElements(By.tagName("img"))).isEmpty();
        assertThat(driver.findElements(By.tagName("script"))).singleElement()
                .satisfies(script -> assertThat(script.getAttribute("src")).endsWith("/static/ui.js"));
    }
}
