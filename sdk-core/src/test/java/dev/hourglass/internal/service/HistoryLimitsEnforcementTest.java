package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.history.WorkflowExecutionTerminatedAttributes;
import dev.hourglass.internal.history.HistoryJsonCodec;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.service.ServiceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service bounds every run's history by its {@link HistoryLimits}, whoever makes it grow. */
class HistoryLimitsEnforcementTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final RealTimeScheduler scheduler = new RealTimeScheduler(clock);
    private InMemoryWorkflowService service;

    @AfterEach
    void close() {
        if (service != null) {
            service.close();
        }
        scheduler.close();
    }

    private void startService(HistoryLimits limits) {
        service = new InMemoryWorkflowService(clock, scheduler,
                ServiceOptions.newBuilder().setHistoryLimits(limits).build());
        service.startWorkflow(StartWorkflowRequest.of("wf-1", "Inbox", "q", Payload.ofArguments(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
    }

    private History history() {
        return service.getHistory("wf-1", null);
    }

    private static HistoryLimits eventCounts(int warning, int limit) {
        return HistoryLimits.newBuilder().setEventCountWarning(warning).setEventCountLimit(limit).build();
    }

    @Test
    void aRunMayGrowUpToTheEventCountLimit() {
        startService(eventCounts(3, 5));

        for (int i = 0; i < 4; i++) {
            service.signalWorkflow("wf-1", null, "add", Payload.ofArguments(i));
        }

        assertThat(history().getEvents()).hasSize(5);
        assertThat(history().getLastEvent().getEventType()).isEqualTo(EventType.WorkflowExecutionSignaled);
    }

    @Test
    void theEventThatGoesPastTheCountLimitTerminatesTheRunWithAReasonNamingTheLimit() {
        startService(eventCounts(3, 5));

        for (int i = 0; i < 5; i++) {
            service.signalWorkflow("wf-1", null, "add", Payload.ofArguments(i));
        }

        HistoryEvent last = history().getLastEvent();
        assertThat(history().getEvents()).hasSize(7);
        assertThat(last.getEventType()).isEqualTo(EventType.WorkflowExecutionTerminated);
        assertThat(last.getAttributes(WorkflowExecutionTerminatedAttributes.class).reason())
                .contains("grew to 6 events", "past the limit of 5 events", "isContinueAsNewSuggested()");
    }

    @Test
    void aTerminatedRunTakesNoFurtherSignals() {
        startService(eventCounts(3, 5));
        for (int i = 0; i < 5; i++) {
            service.signalWorkflow("wf-1", null, "add", Payload.ofArguments(i));
        }

        assertThatThrownBy(() -> service.signalWorkflow("wf-1", null, "add", Payload.ofArguments(99)))
                .isInstanceOf(RuntimeException.class);
        assertThat(history().getEvents()).hasSize(7);
    }

    @Test
    void commandsOfOneWorkflowTaskThatGoPastTheLimitTerminateTheRun() {
        startService(eventCounts(10, 20));
        WorkflowTask task = service.pollWorkflowTask("q", Duration.ofSeconds(1));
        List<Command> timers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            timers.add(new Command(new TimerStartedAttributes("t" + i, Duration.ofDays(1))));
        }

        service.completeWorkflowTask(task.taskToken(), timers);

        assertThat(history().getEvents()).hasSize(27);
        assertThat(history().getLastEvent().getEventType()).isEqualTo(EventType.WorkflowExecutionTerminated);
    }

    @Test
    void theSizeLimitCountsTheEventsAsCompactJson() {
        String note = "x".repeat(1_000);
        startService(HistoryLimits.newBuilder().setSizeWarning(2_000).setSizeLimit(3_000).build());
        service.signalWorkflow("wf-1", null, "note", Payload.ofArguments(note));
        service.signalWorkflow("wf-1", null, "note", Payload.ofArguments(note));
        assertThat(history().isClosed()).isFalse();

        service.signalWorkflow("wf-1", null, "note", Payload.ofArguments(note));

        assertThat(history().getLastEvent().getAttributes(WorkflowExecutionTerminatedAttributes.class).reason())
                .contains("past the limit of", "3000 bytes");
    }

    @Test
    void anEventsSizeIsTheLengthOfItsCompactJson() {
        startService(HistoryLimits.getDefaultInstance());
        service.signalWorkflow("wf-1", null, "note", Payload.ofArguments("héllo"));
        HistoryEvent signaled = history().getEvents().get(1);

        String compact = "{\"eventId\":2,\"eventTime\":\"2025-01-01T00:00:00Z\",\"eventType\":"
                + "\"WorkflowExecutionSignaled\",\"attributes\":{\"signalName\":\"note\",\"input\":[\"héllo\"]}}";
        assertThat(HistoryJsonCodec.eventSize(signaled))
                .isEqualTo(compact.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    @Test
    void aStartWhoseInputIsPastTheSizeLimitIsTerminatedAtOnce() {
        startService(HistoryLimits.newBuilder().setSizeWarning(500).setSizeLimit(1_000).build());

        service.startWorkflow(StartWorkflowRequest.of("wf-2", "Inbox", "q", Payload.ofArguments("y".repeat(2_000)),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));

        History big = service.getHistory("wf-2", null);
        assertThat(big.getEvents()).extracting(HistoryEvent::getEventType)
                .containsExactly(EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionTerminated);
    }

    @Test
    void limitsRejectAWarningThatIsNotBelowItsLimit() {
        assertThatThrownBy(() -> eventCounts(10, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("eventCountWarning (10) must be below eventCountLimit (10)");
        assertThatThrownBy(() -> HistoryLimits.newBuilder().setSizeLimit(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("sizeLimit must be positive but was 0");
    }

    @Test
    void theDefaultsAreThoseOfTemporal() {
        HistoryLimits defaults = ServiceOptions.getDefaultInstance().getHistoryLimits();

        assertThat(defaults.getEventCountWarning()).isEqualTo(10_240);
        assertThat(defaults.getEventCountLimit()).isEqualTo(51_200);
        assertThat(defaults.getSizeWarning()).isEqualTo(10L * 1024 * 1024);
        assertThat(defaults.getSizeLimit()).isEqualTo(50L * 1024 * 1024);
    }
}
