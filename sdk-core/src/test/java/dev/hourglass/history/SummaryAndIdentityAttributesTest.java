package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The optional {@code summary} of timers and {@code identity} of clients and workers, in JSON and text. */
class SummaryAndIdentityAttributesTest {

    private static History withSummaryAndIdentities() {
        return Histories.of("reminder-1")
                .event(new WorkflowExecutionStartedAttributes("Transfer", "transfers", Payload.ofArguments(), null,
                        null, null, null, "client-7"))
                .event(new TimerStartedAttributes("1", Duration.ofDays(3), "grace period"))
                .event(new WorkflowExecutionSignaledAttributes("pause", Payload.ofArguments(), "client-7"))
                .event(new ActivityTaskScheduledAttributes("1", "charge", "transfers", Payload.ofArguments(),
                        Duration.ofSeconds(10), null, null, null))
                .event(new ActivityTaskStartedAttributes("1", 1, "worker-3"))
                .event(new ActivityTaskCompletedAttributes("1", Payload.of("ok")))
                .event(new WorkflowExecutionCancelRequestedAttributes(null, "client-7"))
                .event(new WorkflowExecutionTerminatedAttributes("stop", "operator"))
                .build();
    }

    @Test
    void aHistoryWithSummaryAndIdentitiesRoundTripsThroughJson() {
        History history = withSummaryAndIdentities();

        History read = History.fromJson(history.toJson());

        assertThat(read).isEqualTo(history);
        assertThat(read.toJson()).isEqualTo(history.toJson());
        assertThat(read.getEvents().get(1).getAttributes(TimerStartedAttributes.class).summary())
                .isEqualTo("grace period");
        assertThat(read.getEvents().get(4).getAttributes(ActivityTaskStartedAttributes.class).identity())
                .isEqualTo("worker-3");
    }

    @Test
    void theSummaryIsWrittenAfterTheDuration() {
        String json = withSummaryAndIdentities().toJson();

        assertThat(json).contains("\"durationMillis\": 259200000,\n        \"summary\": \"grace period\"\n");
    }

    @Test
    void theIdentityIsWrittenAsTheLastAttributeOfEachEventACallerCaused() {
        String json = withSummaryAndIdentities().toJson();

        assertThat(json)
                .contains("\"input\": [],\n        \"identity\": \"client-7\"\n")
                .contains("\"attempt\": 1,\n        \"identity\": \"worker-3\"\n")
                .contains("\"reason\": \"stop\",\n        \"identity\": \"operator\"\n");
    }

    @Test
    void eventsWithoutSummaryOrIdentityWriteNeitherAttribute() {
        History history = Histories.of("plain")
                .started()
                .event(new TimerStartedAttributes("1", Duration.ofDays(3)))
                .event(new WorkflowExecutionSignaledAttributes("pause", Payload.ofArguments()))
                .event(new ActivityTaskStartedAttributes("1", 1))
                .event(new WorkflowExecutionCancelRequestedAttributes(null))
                .event(new WorkflowExecutionTerminatedAttributes("stop"))
                .build();

        assertThat(history.toJson()).doesNotContain("\"summary\"").doesNotContain("\"identity\"");
    }

    @Test
    void aHistoryRecordedBeforeSummaryAndIdentityReadsThemAsAbsent() {
        History read = History.fromJson(Histories.of("old")
                .started()
                .event(new TimerStartedAttributes("1", Duration.ofDays(3)))
                .build()
                .toJson());

        assertThat(read.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class).identity())
                .isNull();
        assertThat(read.getEvents().get(1).getAttributes(TimerStartedAttributes.class).summary()).isNull();
    }

    @Test
    void theTimelineShowsATimersSummaryAndTheIdentities() {
        String timeline = HistoryTimeline.format(withSummaryAndIdentities());

        assertThat(timeline.lines().toList().get(1)).contains("WorkflowExecutionStarted")
                .endsWith(" input=[] identity=\"client-7\"");
        assertThat(timeline.lines().toList().get(2)).contains("TimerStarted")
                .endsWith(" timerId=1 duration=3d summary=\"grace period\"");
        assertThat(timeline.lines().toList().get(5)).endsWith(" activityId=1 attempt=1 identity=\"worker-3\"");
    }

    @Test
    void theOneLineDescriptionOfATimerLeavesTheSummaryOut() {
        HistoryEvent timer = withSummaryAndIdentities().getEvents().get(1);

        assertThat(dev.hourglass.internal.history.EventText.summary(timer))
                .isEqualTo("2 TimerStarted timerId=1 duration=3d");
    }
}
