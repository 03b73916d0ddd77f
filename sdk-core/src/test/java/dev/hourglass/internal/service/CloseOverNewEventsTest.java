package dev.hourglass.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.internal.spi.Command;
import dev.hourglass.internal.spi.StartWorkflowRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.ServiceOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A workflow task may not close a run over events that arrived while it ran: they would be lost. */
class CloseOverNewEventsTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final RealTimeScheduler scheduler = new RealTimeScheduler(clock);
    private final InMemoryWorkflowService service = new InMemoryWorkflowService(clock, scheduler,
            ServiceOptions.getDefaultInstance());
    private WorkflowTask running;

    @BeforeEach
    void startAWorkflowTask() {
        service.startWorkflow(StartWorkflowRequest.of("wf-1", "Orders", "q", Payload.ofArguments(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null));
        running = service.pollWorkflowTask("q", Duration.ofSeconds(1));
    }

    @AfterEach
    void close() {
        service.close();
        scheduler.close();
    }

    private static Command complete(String result) {
        return new Command(new WorkflowExecutionCompletedAttributes(Payload.of(result)));
    }

    private List<EventType> types() {
        return service.getHistory("wf-1", null).getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    @Test
    void aSignalThatArrivesWhileTheClosingTaskRunsIsRecordedAndTheRunStaysOpen() {
        service.signalWorkflow("wf-1", null, "addItem", Payload.ofArguments("tea"));

        service.completeWorkflowTask(running.taskToken(), List.of(complete("empty order")));

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled);
    }

    @Test
    void theNextTaskDeliversTheNewEventAndMayCloseTheRun() {
        service.signalWorkflow("wf-1", null, "addItem", Payload.ofArguments("tea"));
        service.completeWorkflowTask(running.taskToken(), List.of(complete("empty order")));

        WorkflowTask retried = service.pollWorkflowTask("q", Duration.ofSeconds(1));
        service.completeWorkflowTask(retried.taskToken(), List.of(complete("one tea")));

        assertThat(retried.history().getEvents()).extracting(HistoryEvent::getEventType)
                .containsExactly(EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled);
        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionSignaled,
                EventType.WorkflowExecutionCompleted);
    }

    @Test
    void aTaskWithNoNewEventsClosesTheRun() {
        service.completeWorkflowTask(running.taskToken(), List.of(complete("empty order")));

        assertThat(types()).containsExactly(EventType.WorkflowExecutionStarted, EventType.WorkflowExecutionCompleted);
    }
}
