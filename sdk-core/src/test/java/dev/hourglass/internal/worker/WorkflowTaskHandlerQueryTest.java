package dev.hourglass.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.replay.WorkflowExecutor;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.internal.spi.WorkflowServiceSpi;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class WorkflowTaskHandlerQueryTest {

    @WorkflowInterface
    public interface Tally {
        @WorkflowMethod
        int count();

        @SignalMethod
        void add();

        @QueryMethod
        int total();
    }

    public static class TallyImpl implements Tally {
        private int total;

        @Override
        public int count() {
            Workflow.await(() -> total >= 100);
            return total;
        }

        @Override
        public void add() {
            total++;
        }

        @Override
        public int total() {
            return total;
        }
    }

    /** Started, then two signals: the state a query must see counts both. */
    private static final History TWO_SIGNALS = History.fromJson("""
            {"format": "hourglass-history", "version": 1, "workflowId": "tally", "runId": "run-1",
             "workflowType": "Tally", "taskQueue": "q", "events": [
              {"eventId": 1, "eventTime": "2025-01-01T00:00:00Z", "eventType": "WorkflowExecutionStarted",
               "attributes": {"workflowType": "Tally", "taskQueue": "q", "input": []}},
              {"eventId": 2, "eventTime": "2025-01-01T00:00:01Z", "eventType": "WorkflowExecutionSignaled",
               "attributes": {"signalName": "add", "input": []}},
              {"eventId": 3, "eventTime": "2025-01-01T00:00:02Z", "eventType": "WorkflowExecutionSignaled",
               "attributes": {"signalName": "add", "input": []}}
             ]}
            """);

    private final WorkflowServiceSpi service = mock(WorkflowServiceSpi.class);
    private final WorkflowCache cache = new WorkflowCache(10);
    private final WorkflowTaskHandler handler = new WorkflowTaskHandler(service, cache,
            Map.of("Tally", WorkflowImplementation.of(TallyImpl.class)), "q", false);

    private static WorkflowTask query(History history) {
        return new WorkflowTask("token", history, history.getEvents().size(), "total", Payload.ofArguments());
    }

    @Test
    void aCachedExecutionThatHasNotSeenEveryEventDoesNotAnswerAQueryAndStaysCached() {
        WorkflowExecutor behind = mock(WorkflowExecutor.class);
        WorkflowCache.Entry olderCopy = new WorkflowCache.Entry(behind, 1);
        cache.put("run-1", olderCopy);

        handler.handle(query(TWO_SIGNALS));

        ArgumentCaptor<Payload> answer = ArgumentCaptor.forClass(Payload.class);
        verify(service).respondQueryTask(eq("token"), answer.capture(), isNull());
        assertThat(answer.getValue().decode(Integer.class)).isEqualTo(2);
        verify(behind, never()).query(any(), any());
        assertThat(cache.take("run-1")).isSameAs(olderCopy);
    }

    @Test
    void aCachedExecutionThatHasSeenEveryEventAnswersTheQuery() {
        WorkflowExecutor upToDate = mock(WorkflowExecutor.class);
        Payload two = Payload.of(2);
        org.mockito.Mockito.when(upToDate.query(eq("total"), any())).thenReturn(two);
        cache.put("run-1", new WorkflowCache.Entry(upToDate, TWO_SIGNALS.getEvents().size()));

        handler.handle(query(TWO_SIGNALS));

        verify(service).respondQueryTask("token", two, null);
    }
}
