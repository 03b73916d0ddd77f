package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionContinuedAsNew;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionContinuedAsNewAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInfo;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContinueAsNewTest {

    /** One run as it saw itself: its run id and the run it continued. */
    public record RunLink(String runId, String continuedFromRunId) {
    }

    /** The final count and the runs that led to it, first run first. */
    public record Count(int value, List<RunLink> runs) {
    }

    @WorkflowInterface
    public interface Counter {
        @WorkflowMethod
        Count count(int value, int limit, List<RunLink> runsSoFar);
    }

    public static class CounterImpl implements Counter {
        @Override
        public Count count(int value, int limit, List<RunLink> runsSoFar) {
            WorkflowInfo info = Workflow.getInfo();
            List<RunLink> runs = new ArrayList<>(runsSoFar);
            runs.add(new RunLink(info.getRunId(), info.getContinuedExecutionRunId().orElse(null)));
            Workflow.sleep(Duration.ofMillis(5));
            if (value < limit) {
                Workflow.continueAsNew(value + 1, limit, runs);
            }
            return new Count(value, runs);
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(CounterImpl.class)
            .build();

    @Test
    void clientResultFollowsTheRunsToTheLastOne() {
        Count count = env.newWorkflowStub(Counter.class, "counter-1").count(0, 3, List.of());

        assertThat(count.value()).isEqualTo(3);
        assertThat(count.runs()).hasSize(4);
    }

    @Test
    void resultOfAStartedChainComesThroughAnUntypedStub() {
        Counter counter = env.newWorkflowStub(Counter.class, "counter-2");
        WorkflowExecution first = WorkflowClient.start(counter::count, 0, 3, List.of());

        Count count = env.client().newUntypedWorkflowStub("counter-2").getResult(Count.class);

        assertThat(count.value()).isEqualTo(3);
        assertThat(count.runs().get(0).runId()).isEqualTo(first.getRunId());
        assertThat(env.history("counter-2").getRunId()).isEqualTo(count.runs().get(3).runId());
    }

    @Test
    void eachRunClosesWithContinuedAsNewNamingTheNextRunWhichNamesItBack() {
        env.newWorkflowStub(Counter.class, "counter-3").count(0, 3, List.of());

        List<History> runs = env.producedHistories();
        assertThat(runs).hasSize(4).extracting(History::getWorkflowId).containsOnly("counter-3");
        for (int i = 0; i < 3; i++) {
            History run = runs.get(i);
            History next = runs.get(i + 1);
            assertThat(Events.types(run)).containsExactly(WorkflowExecutionStarted, TimerStarted, TimerFired,
                    WorkflowExecutionContinuedAsNew);
            WorkflowExecutionContinuedAsNewAttributes continued =
                    run.getLastEvent().getAttributes(WorkflowExecutionContinuedAsNewAttributes.class);
            assertThat(continued.newRunId()).isEqualTo(next.getRunId());
            assertThat(JsonPayload.node(continued.input()).get(0).asInt()).isEqualTo(i + 1);
            WorkflowExecutionStartedAttributes nextStarted =
                    next.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
            assertThat(nextStarted.continuedFromRunId()).isEqualTo(run.getRunId());
            assertThat(nextStarted.input()).isEqualTo(continued.input());
        }
        assertThat(runs.get(0).getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class)
                .continuedFromRunId()).isNull();
        assertThat(runs.get(3).getLastEvent().getEventType()).isEqualTo(WorkflowExecutionCompleted);
    }

    @Test
    void workflowInfoNamesTheRunThatContinuedIntoThisOne() {
        Count count = env.newWorkflowStub(Counter.class, "counter-4").count(0, 3, List.of());

        List<RunLink> runs = count.runs();
        assertThat(runs.get(0).continuedFromRunId()).isNull();
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).continuedFromRunId()).isEqualTo(runs.get(i - 1).runId());
        }
        assertThat(runs).extracting(RunLink::runId).doesNotHaveDuplicates();
    }

    @Test
    void fetchHistoryOfTheWorkflowIdReturnsTheLatestRunAndEveryRunStaysReadable() {
        Count count = env.newWorkflowStub(Counter.class, "counter-5").count(0, 2, List.of());

        assertThat(env.history("counter-5").getRunId()).isEqualTo(count.runs().get(2).runId());
        for (RunLink link : count.runs()) {
            assertThat(env.client().fetchHistory("counter-5", link.runId()).getRunId()).isEqualTo(link.runId());
        }
    }
}
