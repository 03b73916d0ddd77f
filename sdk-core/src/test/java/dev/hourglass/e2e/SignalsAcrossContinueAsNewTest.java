package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Signals sent to a workflow id from several threads while its runs continue as new, one after another: each reaches
 * whichever run is current when it arrives, and none fails or is recorded twice.
 */
class SignalsAcrossContinueAsNewTest {

    private static final String WORKFLOW_ID = "tally-1";
    private static final int SENDERS = 4;
    private static final int SIGNALS_PER_SENDER = 15;
    /** A run continues as new once its handlers took this many signals. */
    private static final int SIGNALS_PER_RUN = 5;

    @WorkflowInterface
    public interface Tally {
        /** Takes signals until told to stop; continues as new every few, carrying what its runs took. */
        @WorkflowMethod
        void collect(List<String> takenBefore);

        @SignalMethod
        void add(String item);

        /** What this run and the runs before it took, in order. */
        @QueryMethod
        List<String> taken();
    }

    public static class TallyImpl implements Tally {
        private final List<String> arrived = new ArrayList<>();
        private List<String> takenBefore = List.of();

        @Override
        public void collect(List<String> takenBefore) {
            this.takenBefore = takenBefore;
            Workflow.await(() -> arrived.size() >= SIGNALS_PER_RUN);
            Workflow.continueAsNew(taken());
        }

        @Override
        public void add(String item) {
            arrived.add(item);
        }

        @Override
        public List<String> taken() {
            List<String> taken = new ArrayList<>(takenBefore);
            taken.addAll(arrived);
            return taken;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(TallyImpl.class)
            .build();

    @Test
    void signalsSentConcurrentlyWhileRunsContinueAsNewEachReachOneRunAndNoneFails() throws Exception {
        Tally started = env.newWorkflowStub(Tally.class, WORKFLOW_ID);
        WorkflowClient.start(started::collect, List.<String>of());
        List<String> sent = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> sends = new ArrayList<>();
            for (int sender = 0; sender < SENDERS; sender++) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < SIGNALS_PER_SENDER; i++) {
                    items.add("sender-" + sender + "-item-" + i);
                }
                sent.addAll(items);
                Tally byWorkflowId = env.client().newWorkflowStub(Tally.class, WORKFLOW_ID);
                sends.add(senders.submit(() -> items.forEach(byWorkflowId::add)));
            }
            for (Future<?> send : sends) {
                send.get(60, TimeUnit.SECONDS); // throws what a send threw
            }
        } finally {
            senders.shutdownNow();
        }
        // a signal that came while a task ran is recorded once that task ends
        E2eEnvironment.await("every signal in a history", () -> signalsRecorded().size() >= sent.size());
        List<String> taken = env.client().newWorkflowStub(Tally.class, WORKFLOW_ID).taken();
        WorkflowStub latest = env.client().newUntypedWorkflowStub(WORKFLOW_ID);
        latest.terminate("the test sent all its signals");

        assertThat(signalsRecorded()).as("the signals recorded over all the runs' histories")
                .containsExactlyInAnyOrderElementsOf(sent);
        assertThat(runs()).as("runs of " + WORKFLOW_ID).hasSizeGreaterThan(1);
        assertThat(taken).as("what the runs' handlers took, carried from run to run").doesNotHaveDuplicates()
                .isSubsetOf(sent);
    }

    private List<History> runs() {
        return env.producedHistories().stream().filter(run -> run.getWorkflowId().equals(WORKFLOW_ID)).toList();
    }

    private List<String> signalsRecorded() {
        List<String> items = new ArrayList<>();
        for (History run : runs()) {
            for (HistoryEvent event : run.getEvents()) {
                if (event.getEventType() == EventType.WorkflowExecutionSignaled) {
                    items.add(JsonPayload.node(event.getAttributes(WorkflowExecutionSignaledAttributes.class).input())
                            .get(0).asText());
                }
            }
        }
        return items;
    }
}
