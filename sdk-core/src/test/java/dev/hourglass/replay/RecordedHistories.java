package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import java.util.concurrent.CompletableFuture;

/**
 * Histories recorded by really running the original code on the in-memory service, once per test run, so
 * that replay tests replay what the engine records rather than hand-made events.
 */
final class RecordedHistories {

    private RecordedHistories() {
    }

    /** A transfer of 100 from alice to bob recorded by {@link Transfers.Original}. */
    static History transfer() {
        return Holder.TRANSFER;
    }

    /** A transfer of 100 from alice to bob recorded by {@link Transfers.VersionedWithoutHold} (version 1). */
    static History versionedTransfer() {
        return Holder.VERSIONED_TRANSFER;
    }

    /** A batch of three steps recorded by {@link Batches.ThreeSteps}. */
    static History batch() {
        return Holder.BATCH;
    }

    /** The first event of {@code type} in {@code history}. */
    static HistoryEvent firstEvent(History history, EventType type) {
        return history.getEvents().stream().filter(event -> event.getEventType() == type).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " in " + history.toJson()));
    }

    /** The event that scheduled the first activity of {@code activityType}. */
    static HistoryEvent scheduledActivity(History history, String activityType) {
        return history.getEvents().stream()
                .filter(event -> event.getAttributes() instanceof ActivityTaskScheduledAttributes scheduled
                        && activityType.equals(scheduled.activityType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + activityType + " scheduled in " + history.toJson()));
    }

    private static final class Holder {
        static final History TRANSFER;
        static final History VERSIONED_TRANSFER;
        static final History BATCH;

        static {
            try (WorkflowService service = WorkflowService.inMemory()) {
                WorkflowClient client = WorkflowClient.newInstance(service);
                // Two implementations of one workflow type need two workers; one factory each, so that both
                // shut down at the same time.
                WorkerFactory original = WorkerFactory.newInstance(client);
                Worker originalWorker = original.newWorker("original");
                originalWorker.registerWorkflowImplementationTypes(Transfers.Original.class, Batches.ThreeSteps.class);
                originalWorker.registerActivitiesImplementations(new Transfers.AccountsImpl(), new Batches.StepsImpl());
                WorkerFactory versioned = WorkerFactory.newInstance(client);
                Worker versionedWorker = versioned.newWorker("versioned");
                versionedWorker.registerWorkflowImplementationTypes(Transfers.VersionedWithoutHold.class);
                versionedWorker.registerActivitiesImplementations(new Transfers.AccountsImpl());
                original.start();
                versioned.start();
                try {
                    WorkflowStub transfer = start(client, "Transfer", "original", "transfer-original",
                            "alice", "bob", 100L);
                    WorkflowStub versionedTransfer = start(client, "Transfer", "versioned", "transfer-versioned",
                            "alice", "bob", 100L);
                    WorkflowStub batch = start(client, "Batch", "original", "batch-original", "nightly");
                    assertThat(transfer.getResult(String.class))
                            .isEqualTo("withdrew 100 from alice, deposited 100 to bob");
                    assertThat(versionedTransfer.getResult(String.class))
                            .isEqualTo("withdrew 100 from alice, deposited 100 to bob");
                    assertThat(batch.getResult(String.class)).isEqualTo("nightly / step 0 / step 1 / step 2");
                    TRANSFER = client.fetchHistory("transfer-original");
                    VERSIONED_TRANSFER = client.fetchHistory("transfer-versioned");
                    BATCH = client.fetchHistory("batch-original");
                } finally {
                    CompletableFuture.allOf(CompletableFuture.runAsync(original::shutdown),
                            CompletableFuture.runAsync(versioned::shutdown)).join();
                }
            }
        }

        private static WorkflowStub start(WorkflowClient client, String type, String taskQueue, String workflowId,
                Object... args) {
            WorkflowStub stub = client.newUntypedWorkflowStub(type,
                    WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(workflowId).build());
            stub.start(args);
            return stub;
        }
    }
}
