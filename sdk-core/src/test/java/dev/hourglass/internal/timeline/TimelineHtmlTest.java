package dev.hourglass.internal.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.common.PayloadCodecs;
import dev.hourglass.history.ActivityTaskCanceledAttributes;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.ActivityTaskTimedOutAttributes;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.Histories;
import dev.hourglass.history.History;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.TimerCanceledAttributes;
import dev.hourglass.history.TimerFiredAttributes;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.internal.history.JsonPayload;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class TimelineHtmlTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String BREAKOUT = "\"'><img src=x onerror=alert(1)>";

    @Test
    void writesOneRowPerEventWithItsIdAndType() {
        History history = Histories.completedTransfer();

        List<Element> rows = Markup.parse(TimelineHtml.fragment(history)).byClass("hg-event");

        assertThat(rows).extracting(row -> row.getAttribute("data-event-id"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(rows).extracting(row -> row.getAttribute("data-event-type")).containsExactly(
                "WorkflowExecutionStarted", "ActivityTaskScheduled", "ActivityTaskStarted", "ActivityTaskCompleted",
                "TimerStarted", "TimerFired", "ActivityTaskScheduled", "ActivityTaskStarted", "ActivityTaskCompleted",
                "WorkflowExecutionCompleted");
    }

    @Test
    void aRowShowsTheOffsetFromTheFirstEventAndTheTimeInUtc() {
        Element row = Markup.parse(TimelineHtml.fragment(Histories.completedTransfer()))
                .one("//li[@data-event-id='6']");

        assertThat(row.getTextContent()).contains("#6", "+3d 00:00:00.000", "2025-01-04T00:00:00Z", "TimerFired");
    }

    @Test
    void aRowExpandsToTheEventsInputsAndResultsInFull() {
        String longInput = "x".repeat(500);
        History history = Histories.of("t").started(longInput).scheduled("1", "withdraw", "alice", 100)
                .completed("1", "tx-1").build();

        Markup markup = Markup.parse(TimelineHtml.fragment(history));

        assertThat(markup.one("//li[@data-event-id='1']/details/dl").getTextContent())
                .contains("input", "[\"" + longInput + "\"]");
        assertThat(markup.one("//li[@data-event-id='4']/details/dl").getTextContent())
                .contains("activity", "withdraw, attempt 1", "result", "\"tx-1\"");
    }

    @Test
    void aRetriedActivityIsOneBarWithTheAttemptOfItsLastStart() {
        History history = Histories.of("t").started().scheduled("1", "charge", "card-1")
                .at(Duration.ofSeconds(3))
                .event(new ActivityTaskStartedAttributes("1", 3))
                .event(new dev.hourglass.history.ActivityTaskCompletedAttributes("1", Payload.of("ok")))
                .build();

        List<Element> bars = Markup.parse(TimelineHtml.fragment(history)).byClass("hg-activity");

        assertThat(bars).hasSize(1);
        Element bar = bars.get(0);
        assertThat(bar.getAttribute("data-activity-id")).isEqualTo("1");
        assertThat(bar.getAttribute("data-activity-type")).isEqualTo("charge");
        assertThat(bar.getAttribute("data-attempt")).isEqualTo("3");
        assertThat(bar.getAttribute("data-outcome")).isEqualTo("completed");
        assertThat(bar.getTextContent()).isEqualTo("charge, attempt 3");
    }

    @Test
    void aFirstAttemptIsLabelledWithTheActivityTypeAlone() {
        Element bar = Markup.parse(TimelineHtml.fragment(Histories.completedTransfer())).byClass("hg-activity").get(0);

        assertThat(bar.getTextContent()).isEqualTo("withdraw");
        assertThat(bar.getAttribute("data-attempt")).isEqualTo("1");
    }

    @Test
    void eachActivityBarCarriesHowItClosed() {
        ObjectNode failure = Histories.failure("application", "Declined", "card declined", null);
        History history = Histories.of("t").started()
                .scheduled("1", "a").completed("1", "done")
                .scheduled("2", "b").event(new ActivityTaskStartedAttributes("2", 1))
                .event(new ActivityTaskFailedAttributes("2", JsonPayload.of(failure), 1))
                .scheduled("3", "c")
                .event(new ActivityTaskTimedOutAttributes("3", TimeoutType.SCHEDULE_TO_CLOSE, null))
                .scheduled("4", "d").event(new ActivityTaskCanceledAttributes("4", null))
                .scheduled("5", "e")
                .build();

        List<Element> bars = Markup.parse(TimelineHtml.fragment(history)).byClass("hg-activity");

        assertThat(bars).extracting(bar -> bar.getAttribute("data-outcome"))
                .containsExactly("completed", "failed", "timed-out", "canceled", "open");
        assertThat(bars.get(2).getAttribute("data-attempt")).isEqualTo("0");
    }

    @Test
    void anOpenActivityRunsToTheEndOfTheHistory() {
        History history = Histories.of("t").started()
                .at(Duration.ofHours(1)).scheduled("1", "ship")
                .at(Duration.ofHours(4)).event(new WorkflowExecutionSignaledAttributes("poke", Payload.ofArguments()))
                .build();

        Element bar = Markup.parse(TimelineHtml.fragment(history)).byClass("hg-activity").get(0);

        assertThat(bar.getAttribute("style")).isEqualTo("left:25.0000%;width:75.0000%");
        assertThat(bar.hasAttribute("data-end-event-id")).isFalse();
    }

    @Test
    void aTimerBarSpansItsWait() {
        History history = Histories.of("t").started()
                .at(Duration.ofDays(1)).event(new TimerStartedAttributes("1", Duration.ofDays(1)))
                .at(Duration.ofDays(2)).event(new TimerFiredAttributes("1"))
                .at(Duration.ofDays(4)).event(new WorkflowExecutionSignaledAttributes("done", Payload.ofArguments()))
                .build();

        Element timer = Markup.parse(TimelineHtml.fragment(history)).one("//*[@data-timer-id='1']");

        assertThat(timer.getAttribute("class")).contains("hg-timer");
        assertThat(timer.getAttribute("style")).isEqualTo("left:25.0000%;width:25.0000%");
        assertThat(timer.getAttribute("data-outcome")).isEqualTo("fired");
        assertThat(timer.getTextContent()).isEqualTo("1d");
    }

    @Test
    void aCanceledTimerEndsWhereItWasCanceled() {
        History history = Histories.of("t").started()
                .event(new TimerStartedAttributes("1", Duration.ofDays(30)))
                .at(Duration.ofDays(1)).event(new TimerCanceledAttributes("1"))
                .at(Duration.ofDays(2)).event(new WorkflowExecutionSignaledAttributes("done", Payload.ofArguments()))
                .build();

        Element timer = Markup.parse(TimelineHtml.fragment(history)).one("//*[@data-timer-id='1']");

        assertThat(timer.getAttribute("style")).isEqualTo("left:0.0000%;width:50.0000%");
        assertThat(timer.getAttribute("data-outcome")).isEqualTo("canceled");
    }

    @Test
    void aVirtualThirtyDayTimerIsDrawnInProportionToTheWholeHistory() {
        History history = Histories.of("subscription-1").started()
                .scheduled("1", "charge").completed("1", "paid")
                .at(Duration.ofDays(10)).event(new TimerStartedAttributes("1", Duration.ofDays(30)))
                .at(Duration.ofDays(40)).event(new TimerFiredAttributes("1"))
                .scheduled("2", "charge").completed("2", "paid")
                .build();

        Markup markup = Markup.parse(TimelineHtml.fragment(history));

        assertThat(markup.one("//*[@data-timer-id='1']").getAttribute("style"))
                .isEqualTo("left:25.0000%;width:75.0000%");
        assertThat(markup.one("//*[@data-activity-id='2']").getAttribute("style"))
                .isEqualTo("left:100.0000%;width:0.0000%");
        assertThat(markup.byClass("hg-tick")).extracting(Element::getTextContent).containsExactly(
                "+0d 00:00:00.000", "+10d 00:00:00.000", "+20d 00:00:00.000", "+30d 00:00:00.000",
                "+40d 00:00:00.000");
    }

    @Test
    void aHistoryAtOneInstantDrawsItsBarsAtTheStart() {
        Element bar = Markup.parse(TimelineHtml.fragment(Histories.of("t").started().scheduled("1", "a")
                .completed("1", "b").build())).byClass("hg-activity").get(0);

        assertThat(bar.getAttribute("style")).isEqualTo("left:0.0000%;width:0.0000%");
    }

    @Test
    void aFailedActivitysRowHoldsItsFailureChainWithStackTraces() {
        ObjectNode cause = Histories.failure("application", "IOException", "connection reset", null);
        cause.put("stackTrace",
                "\tat com.example.Bank.call(Bank.java:42)\n\tat com.example.Bank.withdraw(Bank.java:7)\n");
        ObjectNode failure = Histories.failure("application", "BankDown", "the bank is down", cause);
        History history = Histories.of("t").started().scheduled("1", "withdraw")
                .event(new ActivityTaskStartedAttributes("1", 2))
                .event(new ActivityTaskFailedAttributes("1", JsonPayload.of(failure), 2))
                .build();

        Element row = Markup.parse(TimelineHtml.fragment(history)).one("//li[@data-event-id='4']");

        assertThat(row.getTextContent()).contains("BankDown", "the bank is down", "caused by: ", "IOException",
                "connection reset", "withdraw, attempt 2");
        assertThat(Markup.parse(TimelineHtml.fragment(history)).all("//li[@data-event-id='4']//pre[@class='hg-stack']"))
                .extracting(Element::getTextContent)
                .containsExactly("at somewhere",
                        "at com.example.Bank.call(Bank.java:42)\nat com.example.Bank.withdraw(Bank.java:7)");
    }

    @Test
    void aLocalActivitysMarkersAreOneBarFromItsFirstAttemptToItsOutcome() {
        History history = Histories.of("t").started()
                .event(new MarkerRecordedAttributes("LocalActivity", "1", Payload.fromJson("{\"activityId\":\"1\","
                        + "\"activityType\":\"greet\",\"attempt\":1,\"failure\":{\"kind\":\"application\",\"type\":"
                        + "\"Flaky\",\"message\":\"down\",\"stackTrace\":\"\\tat Greeter.greet(Greeter.java:3)\\n\"},"
                        + "\"backoff\":\"PT2S\"}")))
                .event(new TimerStartedAttributes("1", Duration.ofSeconds(2)))
                .at(Duration.ofSeconds(2)).event(new TimerFiredAttributes("1"))
                .event(new MarkerRecordedAttributes("LocalActivity", "1", Payload.fromJson("{\"activityId\":\"1\","
                        + "\"activityType\":\"greet\",\"attempt\":2,\"result\":\"hello\"}")))
                .build();

        Markup markup = Markup.parse(TimelineHtml.fragment(history));

        Element bar = markup.byClass("hg-local-activity").get(0);
        assertThat(markup.byClass("hg-local-activity")).hasSize(1);
        assertThat(bar.getAttribute("data-activity-type")).isEqualTo("greet");
        assertThat(bar.getAttribute("data-attempt")).isEqualTo("2");
        assertThat(bar.getAttribute("data-outcome")).isEqualTo("completed");
        assertThat(bar.getAttribute("style")).isEqualTo("left:0.0000%;width:100.0000%");
        assertThat(markup.one("//li[@data-event-id='2']//pre[@class='hg-stack']").getTextContent())
                .isEqualTo("at Greeter.greet(Greeter.java:3)");
    }

    @Test
    void aChildWorkflowIsABarFromItsInitiationToItsEnd() {
        History history = Histories.of("t").started()
                .event(new StartChildWorkflowExecutionInitiatedAttributes("1", "payout-7", "Payout", "payouts",
                        Payload.ofArguments(), null, null))
                .at(Duration.ofMinutes(1)).event(new ChildWorkflowExecutionStartedAttributes("1", "payout-7", "r-7"))
                .at(Duration.ofMinutes(3)).event(new ChildWorkflowExecutionCompletedAttributes("1", Payload.of(1)))
                .at(Duration.ofMinutes(4)).event(new WorkflowExecutionSignaledAttributes("x", Payload.ofArguments()))
                .build();

        Element child = Markup.parse(TimelineHtml.fragment(history)).one("//*[@data-child-id='1']");

        assertThat(child.getAttribute("class")).contains("hg-child");
        assertThat(child.getAttribute("data-workflow-id")).isEqualTo("payout-7");
        assertThat(child.getAttribute("data-workflow-type")).isEqualTo("Payout");
        assertThat(child.getAttribute("data-run-id")).isEqualTo("r-7");
        assertThat(child.getAttribute("data-outcome")).isEqualTo("completed");
        assertThat(child.getAttribute("style")).isEqualTo("left:0.0000%;width:75.0000%");
    }

    @Test
    void valuesFromTheHistoryAppearOnlyEscaped() {
        String document = TimelineHtml.document(hostileHistory(), "Timeline of " + SCRIPT);

        assertThat(document).doesNotContain(SCRIPT).doesNotContain(BREAKOUT).doesNotContain("<img")
                .doesNotContain("<script")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&#39;&gt;&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void escapedValuesReadBackAsTheTextTheyHeldAndAddNoElement() {
        Markup markup = Markup.parse(TimelineHtml.document(hostileHistory(), "Timeline"));

        assertThat(markup.all("//script | //img")).isEmpty();
        assertThat(markup.one("//section").getAttribute("data-workflow-id")).isEqualTo(SCRIPT);
        assertThat(markup.one("//h2").getTextContent()).isEqualTo(SCRIPT);
        assertThat(markup.one("//li[@data-event-id='2']//dl").getTextContent()).contains(BREAKOUT);
        assertThat(markup.one("//li[@data-event-id='3']//span[@class='hg-failure-message']").getTextContent())
                .isEqualTo(SCRIPT + BREAKOUT);
    }

    @Test
    void aDocumentRefersToNothingOutsideItself() {
        String document = TimelineHtml.document("Timeline", List.of("preamble"),
                List.of(Histories.completedTransfer(), Histories.failedTransfer(), Histories.openTransfer()));

        assertThat(document).startsWith("<!DOCTYPE html>").doesNotContain("http:").doesNotContain("https:")
                .doesNotContain("//").doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("url(").doesNotContain("@import").contains("<style>");
    }

    @Test
    void theSameHistoryGivesTheSameBytes() {
        History history = hostileHistory();
        History readBack = History.fromJson(history.toJson());

        assertThat(TimelineHtml.document(readBack, "t").getBytes(StandardCharsets.UTF_8))
                .isEqualTo(TimelineHtml.document(history, "t").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEncodedPayloadShowsTheCodecsThatEncodedIt() {
        byte[] data = PayloadCodecs.gzip().encode("\"secret\"".getBytes(StandardCharsets.UTF_8));
        Payload encoded = Payload.fromJson("{\"encoding\":\"hourglass/encoded\",\"codecs\":[\"gzip\"],\"data\":\""
                + Base64.getEncoder().encodeToString(data) + "\"}");
        History history = Histories.of("t").started()
                .event(new WorkflowExecutionSignaledAttributes("s", JsonPayload.of(JsonNodeFactory.instance
                        .arrayNode().add(JsonPayload.node(encoded)))))
                .build();

        Element row = Markup.parse(TimelineHtml.fragment(history)).one("//li[@data-event-id='2']");

        assertThat(row.getTextContent()).contains("[<encoded with gzip>]").doesNotContain("secret");
    }

    @Test
    void anEmptyHistorySaysItHasNoEvents() {
        String fragment = TimelineHtml.fragment(new History("t", "run-1", "Transfer", "transfers", List.of()));

        assertThat(Markup.parse(fragment).one("//p[@class='hg-empty']").getTextContent()).isEqualTo("(no events)");
    }

    @Test
    void aDocumentOfSeveralHistoriesHoldsThePreambleAndATimelineOfEach() {
        Markup markup = Markup.parse(TimelineHtml.document("Report", List.of("seed 42", SCRIPT),
                List.of(Histories.completedTransfer(), Histories.failedTransfer())));

        assertThat(markup.byClass("hg-preamble")).extracting(Element::getTextContent)
                .containsExactly("seed 42", SCRIPT);
        assertThat(markup.byClass("hg-timeline")).extracting(section -> section.getAttribute("data-workflow-id"))
                .containsExactly("transfer-1", "transfer-2");
    }

    /** A history whose workflow id, signal name, input and failure message are attempts at injecting markup. */
    private static History hostileHistory() {
        ObjectNode failure = Histories.failure("application", SCRIPT, SCRIPT + BREAKOUT, null);
        failure.put("stackTrace", "\tat " + BREAKOUT + "\n");
        return Histories.of(SCRIPT)
                .started(SCRIPT, BREAKOUT)
                .event(new WorkflowExecutionSignaledAttributes(BREAKOUT, Payload.ofArguments(BREAKOUT, SCRIPT)))
                .event(new WorkflowExecutionFailedAttributes(JsonPayload.of(failure)))
                .build();
    }
}
