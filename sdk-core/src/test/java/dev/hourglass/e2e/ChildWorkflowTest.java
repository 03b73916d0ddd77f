package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ChildWorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.ChildWorkflowExecutionFailed;
import static dev.hourglass.history.EventType.ChildWorkflowExecutionStarted;
import static dev.hourglass.history.EventType.StartChildWorkflowExecutionInitiated;
import static dev.hourglass.history.EventType.TimerCanceled;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCancelRequested;
import static dev.hourglass.history.EventType.WorkflowExecutionCanceled;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionFailed;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.history.ChildWorkflowExecutionCompletedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionFailedAttributes;
import dev.hourglass.history.ChildWorkflowExecutionStartedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.history.StartChildWorkflowExecutionInitiatedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ChildWorkflowTest {

    @WorkflowInterface
    public interface Packing {
        @WorkflowMethod
        String pack(String item);
    }

    /** Starts children as {@code mode} says: one, one that fails (caught or not), or two in parallel. */
    @WorkflowInterface
    public interface Shipment {
        @WorkflowMethod
        String ship(String item, String mode);
    }

    public static class PackingImpl implements Packing {
        @Override
        public String pack(String item) {
            if (item.startsWith("slow")) {
                Workflow.sleep(Duration.ofSeconds(30));
            }
            if (item.startsWith("broken")) {
                throw ApplicationFailure.newFailure("cannot pack " + item, "PackingFailed");
            }
            Workflow.sleep(Duration.ofMillis(10));
            return "packed " + item + " for " + Workflow.getInfo().getParentWorkflowId().orElse("nobody");
        }
    }

    public static class ShipmentImpl implements Shipment {
        @Override
        public String ship(String item, String mode) {
            Packing packing = Workflow.newChildWorkflowStub(Packing.class, ChildWorkflowOptions.newBuilder()
                    .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-packing").build());
            switch (mode) {
                case "catch":
                    try {
                        return packing.pack(item);
                    } catch (ChildWorkflowFailure e) {
                        ApplicationFailure cause = (ApplicationFailure) e.getCause();
                        return "caught " + e.getWorkflowType() + " " + e.getWorkflowId() + ": " + cause.getType()
                                + " " + cause.getOriginalMessage();
                    }
                case "parallel": {
                    Packing first = Workflow.newChildWorkflowStub(Packing.class);
                    Packing second = Workflow.newChildWorkflowStub(Packing.class);
                    Promise<String> a = Workflow.async(first::pack, item + "-a");
                    Promise<String> b = Workflow.async(second::pack, item + "-b");
                    return a.get() + " & " + b.get();
                }
                default:
                    return "shipped after " + packing.pack(item);
            }
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ShipmentImpl.class, PackingImpl.class)
            .build();

    private String ship(String workflowId, String item, String mode) {
        return env.newWorkflowStub(Shipment.class, workflowId).ship(item, mode);
    }

    @Test
    void parentReceivesTheResultOfItsChild() {
        assertThat(ship("shipment-1", "vase", "wait")).isEqualTo("shipped after packed vase for shipment-1");
    }

    @Test
    void parentHistoryRecordsTheStartAndCompletionOfTheChild() {
        ship("shipment-2", "vase", "wait");

        History parent = env.history("shipment-2");
        assertThat(Events.types(parent)).containsExactly(WorkflowExecutionStarted,
                StartChildWorkflowExecutionInitiated, ChildWorkflowExecutionStarted, ChildWorkflowExecutionCompleted,
                WorkflowExecutionCompleted);
        StartChildWorkflowExecutionInitiatedAttributes initiated =
                Events.single(parent, StartChildWorkflowExecutionInitiatedAttributes.class);
        assertThat(initiated.workflowType()).isEqualTo("Packing");
        assertThat(initiated.workflowId()).isEqualTo("shipment-2-packing");
        assertThat(JsonPayload.node(initiated.input()).get(0).asText()).isEqualTo("vase");
        ChildWorkflowExecutionStartedAttributes started =
                Events.single(parent, ChildWorkflowExecutionStartedAttributes.class);
        assertThat(started.workflowId()).isEqualTo("shipment-2-packing");
        assertThat(started.runId()).isEqualTo(env.history("shipment-2-packing").getRunId());
        assertThat(Events.single(parent, ChildWorkflowExecutionCompletedAttributes.class).result())
                .isEqualTo(Payload.of("packed vase for shipment-2"));
    }

    @Test
    void childHasAHistoryOfItsOwnThatNamesItsParentAndReplays() {
        ship("shipment-3", "vase", "wait");

        History parent = env.history("shipment-3");
        History child = env.history("shipment-3-packing");
        assertThat(child.getWorkflowType()).isEqualTo("Packing");
        assertThat(child.getRunId()).isNotEqualTo(parent.getRunId());
        WorkflowExecutionStartedAttributes childStarted =
                child.getEvents().get(0).getAttributes(WorkflowExecutionStartedAttributes.class);
        assertThat(childStarted.parentWorkflowId()).isEqualTo("shipment-3");
        assertThat(childStarted.parentRunId()).isEqualTo(parent.getRunId());
        assertThat(child.getLastEvent().getEventType()).isEqualTo(WorkflowExecutionCompleted);
        assertThat(Replayer.replay(child, true, PackingImpl.class)).isEmpty();
        assertThat(env.producedHistories()).extracting(History::getWorkflowId)
                .containsExactly("shipment-3", "shipment-3-packing");
    }

    @Test
    void childFailureReachesTheParentAsChildWorkflowFailureWithTheCause() {
        String result = ship("shipment-4", "broken vase", "catch");

        assertThat(result).isEqualTo("caught Packing shipment-4-packing: PackingFailed cannot pack broken vase");
        History parent = env.history("shipment-4");
        ChildWorkflowExecutionFailedAttributes failed =
                Events.single(parent, ChildWorkflowExecutionFailedAttributes.class);
        assertThat(JsonPayload.node(failed.failure()).get("type").asText()).isEqualTo("PackingFailed");
        assertThat(parent.getLastEvent().getEventType()).isEqualTo(WorkflowExecutionCompleted);
        assertThat(env.history("shipment-4-packing").getLastEvent().getEventType())
                .isEqualTo(WorkflowExecutionFailed);
    }

    @Test
    void uncaughtChildFailureFailsTheParent() {
        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                () -> ship("shipment-5", "broken plate", "wait"));

        assertThat(e.getCause()).isInstanceOfSatisfying(ChildWorkflowFailure.class, failure -> {
            assertThat(failure.getWorkflowType()).isEqualTo("Packing");
            assertThat(failure.getRunId()).isEqualTo(env.history("shipment-5-packing").getRunId());
        });
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                cause -> assertThat(cause.getType()).isEqualTo("PackingFailed"));
    }

    @Test
    void childrenStartedAsynchronouslyRunInParallelWithDistinctIds() {
        String result = ship("shipment-6", "cup", "parallel");

        assertThat(result).isEqualTo("packed cup-a for shipment-6 & packed cup-b for shipment-6");
        History parent = env.history("shipment-6");
        assertThat(Events.lastIndexOf(parent, StartChildWorkflowExecutionInitiated))
                .isLessThan(Events.firstIndexOf(parent, ChildWorkflowExecutionCompleted));
        assertThat(Events.ofType(parent, ChildWorkflowExecutionStartedAttributes.class))
                .extracting(ChildWorkflowExecutionStartedAttributes::workflowId).doesNotHaveDuplicates().hasSize(2);
        assertThat(env.producedHistories()).hasSize(3);
    }

    @Test
    void childWhoseWorkflowIdIsTakenFailsToStartAndTheParentSeesWhy() {
        Packing squatter = env.newWorkflowStub(Packing.class, "shipment-7-packing");
        WorkflowExecution open = WorkflowClient.start(squatter::pack, "slow crate");

        String result = ship("shipment-7", "cup", "catch");

        assertThat(result).startsWith("caught Packing shipment-7-packing: WorkflowExecutionAlreadyStarted")
                .contains(open.getRunId());
        History parent = env.history("shipment-7");
        assertThat(Events.types(parent)).containsExactly(WorkflowExecutionStarted,
                StartChildWorkflowExecutionInitiated, ChildWorkflowExecutionFailed, WorkflowExecutionCompleted);
        env.client().newUntypedWorkflowStub("shipment-7-packing").terminate("test over");
    }

    @Test
    void canceledParentStopsWaitingForItsChildAndEndsCanceled() {
        Shipment shipment = env.newWorkflowStub(Shipment.class, "shipment-8");
        WorkflowClient.start(shipment::ship, "slow box", "wait");
        env.awaitHistory("shipment-8", "the child started",
                h -> Events.firstIndexOf(h, ChildWorkflowExecutionStarted) >= 0);
        WorkflowStub parent = env.client().newUntypedWorkflowStub("shipment-8");

        parent.cancel();

        assertThat(parent.getResultAsync(String.class)).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(WorkflowFailedException.class)
                .havingCause().isInstanceOf(CanceledFailure.class);
    }

    @Test
    void aParentThatClosesAsksItsOpenChildToCancel() {
        Shipment shipment = env.newWorkflowStub(Shipment.class, "shipment-9");
        WorkflowClient.start(shipment::ship, "slow box", "wait");
        env.awaitHistory("shipment-9", "the child started",
                h -> Events.firstIndexOf(h, ChildWorkflowExecutionStarted) >= 0);

        env.client().newUntypedWorkflowStub("shipment-9").cancel();

        History child = env.awaitHistory("shipment-9-packing", "the child closed",
                h -> h.getLastEvent().getEventType().isClosing());
        assertThat(Events.types(child)).containsExactly(WorkflowExecutionStarted, TimerStarted,
                WorkflowExecutionCancelRequested, TimerCanceled, WorkflowExecutionCanceled);
    }
}
