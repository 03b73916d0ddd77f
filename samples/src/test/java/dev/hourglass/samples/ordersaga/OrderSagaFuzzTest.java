package dev.hourglass.samples.ordersaga;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.faults.EffectLedger;
import dev.hourglass.testing.faults.FaultFuzzTest;
import dev.hourglass.testing.faults.FaultSpace;
import dev.hourglass.testing.faults.FuzzTrial;
import dev.hourglass.testing.faults.Outcome;
import dev.hourglass.worker.Worker;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order saga under seeded fault plans: failures of each step, lost completions, a worker crash, and the
 * customer's pick-up signal at any time. Whatever happens, each step that completed is compensated exactly once if
 * the order is cancelled, and nothing is compensated if it completes.
 */
class OrderSagaFuzzTest {

    private static final Order ORDER = new Order("order-1", "alice", "card-4242", List.of("ramen"), 12_00);

    static FaultSpace orderFaults() {
        return FaultSpace.newBuilder()
                .addActivityTypes("holdFunds", "prepare", "charge")
                .setMaxWorkflowTasks(8)
                .addSignal("order-1", "pickedUp", Duration.ofHours(1))
                .setMaxFaults(4)
                .build();
    }

    /** Payments and kitchen that apply each request once per idempotency key, and count what they were asked. */
    static final class Fakes implements PaymentActivities, KitchenActivities {
        final EffectLedger ledger = new EffectLedger();

        @Override
        public String holdFunds(String cardToken, long amountCents, String orderId) {
            ledger.apply("holdFunds " + orderId);
            return "hold-" + orderId;
        }

        @Override
        public void releaseHold(String holdId) {
            ledger.apply("releaseHold " + holdId);
        }

        @Override
        public String charge(String holdId, long amountCents) {
            ledger.apply("charge " + holdId);
            return "charge-" + holdId;
        }

        @Override
        public String prepare(String orderId, List<String> items) {
            ledger.apply("prepare " + orderId);
            return "ticket-" + orderId;
        }

        @Override
        public void cancelTicket(String ticketId) {
            ledger.apply("cancelTicket " + ticketId);
        }
    }

    @FaultFuzzTest(seed = 7, trials = 500, faultSpace = "orderFaults")
    void eachCompletedStepIsCompensatedExactlyOnceWhenTheOrderIsCancelled(FuzzTrial trial) {
        Fakes fakes = new Fakes();
        try (TestWorkflowEnvironment env = trial.newEnvironment()) {
            Worker worker = env.newWorker("orders");
            worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
            worker.registerActivitiesImplementations(fakes);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            OrderWorkflow order = client.newWorkflowStub(OrderWorkflow.class,
                    WorkflowOptions.newBuilder().setTaskQueue("orders").setWorkflowId("order-1").build());

            Outcome<OrderReceipt> outcome = Outcome.of(() -> order.process(ORDER))
                    .assertResultOrFailure(ActivityFailure.class, ApplicationFailure.class);

            Map<String, Integer> completed = completedActivities(client.fetchHistory("order-1"));
            if (outcome.isResult()) {
                assertThat(completed).as("compensations of a completed order")
                        .doesNotContainKeys("releaseHold", "cancelTicket");
            } else {
                assertThat(completed.getOrDefault("releaseHold", 0)).as("releases of the hold, %s", completed)
                        .isEqualTo(completed.containsKey("holdFunds") ? 1 : 0);
                assertThat(completed.getOrDefault("cancelTicket", 0)).as("cancellations of the ticket, %s", completed)
                        .isEqualTo(completed.containsKey("prepare") ? 1 : 0);
            }
            completed.forEach((activity, times) -> assertThat(times).as("completions of %s", activity).isEqualTo(1));
            assertThat(fakes.ledger.count("releaseHold hold-order-1") > 0)
                    .as("the payments were asked to release the hold, %s", fakes.ledger.counts())
                    .isEqualTo(completed.containsKey("releaseHold"));
            assertThat(fakes.ledger.count("cancelTicket ticket-order-1") > 0)
                    .as("the kitchen was asked to cancel the ticket, %s", fakes.ledger.counts())
                    .isEqualTo(completed.containsKey("cancelTicket"));
        }
    }

    /** How many times each activity type completed, from the history: what the workflow counted as done. */
    private static Map<String, Integer> completedActivities(History history) {
        Map<String, String> typeById = new HashMap<>();
        Map<String, Integer> completed = new TreeMap<>();
        for (HistoryEvent event : history.getEvents()) {
            if (event.getAttributes() instanceof ActivityTaskScheduledAttributes scheduled) {
                typeById.put(scheduled.activityId(), scheduled.activityType());
            } else if (event.getAttributes() instanceof ActivityTaskCompletedAttributes done) {
                completed.merge(typeById.get(done.activityId()), 1, Integer::sum);
            }
        }
        return completed;
    }
}
