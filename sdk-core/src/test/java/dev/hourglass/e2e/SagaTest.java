package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskFailed;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.Saga;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SagaTest {

    @ActivityInterface
    public interface OrderSteps {
        void reserveInventory(String order);

        void releaseInventory(String order);

        void chargeCard(String order);

        void refundCard(String order);

        void bookCourier(String order);

        void cancelCourier(String order);

        void ship(String order);
    }

    /** How the saga compensates. */
    public enum Mode { SEQUENTIAL, CONTINUE_WITH_ERROR, PARALLEL }

    @WorkflowInterface
    public interface OrderSaga {
        @WorkflowMethod
        String placeOrder(String order, Mode mode);
    }

    public static class OrderSagaImpl implements OrderSaga {
        private final OrderSteps steps = Workflow.newActivityStub(OrderSteps.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(5))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(10)).build())
                .build());

        @Override
        public String placeOrder(String order, Mode mode) {
            Saga saga = new Saga(Saga.Options.newBuilder()
                    .setContinueWithError(mode == Mode.CONTINUE_WITH_ERROR)
                    .setParallelCompensation(mode == Mode.PARALLEL)
                    .build());
            try {
                steps.reserveInventory(order);
                saga.addCompensation(steps::releaseInventory, order);
                steps.chargeCard(order);
                saga.addCompensation(steps::refundCard, order);
                steps.bookCourier(order);
                saga.addCompensation(steps::cancelCourier, order);
                steps.ship(order);
                return "shipped " + order;
            } catch (ActivityFailure failure) {
                try {
                    saga.compensate();
                } catch (ActivityFailure compensationFailure) {
                    Workflow.getLogger(OrderSagaImpl.class).warn("compensation failed", compensationFailure);
                }
                throw failure;
            }
        }
    }

    public static class OrderStepsImpl implements OrderSteps {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Set<String> failing = ConcurrentHashMap.newKeySet();

        private void step(String name, String order) {
            calls.add(name);
            if (failing.contains(name)) {
                throw ApplicationFailure.newNonRetryableFailure(name + " failed for " + order,
                        Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Failed");
            }
        }

        @Override
        public void reserveInventory(String order) {
            step("reserveInventory", order);
        }

        @Override
        public void releaseInventory(String order) {
            step("releaseInventory", order);
        }

        @Override
        public void chargeCard(String order) {
            step("chargeCard", order);
        }

        @Override
        public void refundCard(String order) {
            step("refundCard", order);
        }

        @Override
        public void bookCourier(String order) {
            step("bookCourier", order);
        }

        @Override
        public void cancelCourier(String order) {
            step("cancelCourier", order);
        }

        @Override
        public void ship(String order) {
            step("ship", order);
        }
    }

    final OrderStepsImpl steps = new OrderStepsImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(OrderSagaImpl.class)
            .registerActivitiesImplementations(steps)
            .build();

    private WorkflowFailedException placeFailingOrder(String workflowId, Mode mode) {
        OrderSaga saga = env.newWorkflowStub(OrderSaga.class, workflowId);
        return catchThrowableOfType(WorkflowFailedException.class, () -> saga.placeOrder("order-7", mode));
    }

    @Test
    void orderWithoutFailureRunsNoCompensation() {
        String result = env.newWorkflowStub(OrderSaga.class, "saga-1").placeOrder("order-7", Mode.SEQUENTIAL);

        assertThat(result).isEqualTo("shipped order-7");
        assertThat(steps.calls).containsExactly("reserveInventory", "chargeCard", "bookCourier", "ship");
    }

    @Test
    void failedStepRunsTheCompensationsInReverseOrder() {
        steps.failing.add("ship");

        placeFailingOrder("saga-2", Mode.SEQUENTIAL);

        assertThat(steps.calls).containsExactly("reserveInventory", "chargeCard", "bookCourier", "ship",
                "cancelCourier", "refundCard", "releaseInventory");
    }

    @Test
    void workflowFailsWithTheFailureOfTheStepThatFailedNotOfTheCompensations() {
        steps.failing.add("ship");

        WorkflowFailedException e = placeFailingOrder("saga-3", Mode.SEQUENTIAL);

        assertThat(e.getCause()).isInstanceOfSatisfying(ActivityFailure.class,
                failure -> assertThat(failure.getActivityType()).isEqualTo("ship"));
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(ApplicationFailure.class, cause -> {
            assertThat(cause.getType()).isEqualTo("ShipFailed");
            assertThat(cause.getOriginalMessage()).isEqualTo("ship failed for order-7");
        });
    }

    @Test
    void historyRecordsTheCompensationsAfterTheFailedStep() {
        steps.failing.add("ship");

        placeFailingOrder("saga-4", Mode.SEQUENTIAL);

        History history = env.history("saga-4");
        assertThat(Events.scheduledActivities(history)).containsExactly("reserveInventory", "chargeCard",
                "bookCourier", "ship", "cancelCourier", "refundCard", "releaseInventory");
        assertThat(Events.ofType(history, ActivityTaskFailed)).hasSize(1);
        assertThat(Events.ofType(history, ActivityTaskCompleted)).hasSize(6);
        assertThat(history.getLastEvent().getEventType()).isEqualTo(WorkflowExecutionFailed);
        assertThat(JsonPayload.node(history.getLastEvent().getAttributes(WorkflowExecutionFailedAttributes.class)
                .failure()).get("cause").get("type").asText()).isEqualTo("ShipFailed");
    }

    @Test
    void failingCompensationStopsTheRemainingCompensationsByDefault() {
        steps.failing.add("ship");
        steps.failing.add("refundCard");

        WorkflowFailedException e = placeFailingOrder("saga-5", Mode.SEQUENTIAL);

        assertThat(steps.calls).containsExactly("reserveInventory", "chargeCard", "bookCourier", "ship",
                "cancelCourier", "refundCard");
        assertThat(((ApplicationFailure) e.getCause().getCause()).getType()).isEqualTo("ShipFailed");
    }

    @Test
    void continueWithErrorRunsEveryCompensationWhenOneFails() {
        steps.failing.add("ship");
        steps.failing.add("refundCard");

        WorkflowFailedException e = placeFailingOrder("saga-6", Mode.CONTINUE_WITH_ERROR);

        assertThat(steps.calls).containsExactly("reserveInventory", "chargeCard", "bookCourier", "ship",
                "cancelCourier", "refundCard", "releaseInventory");
        assertThat(((ApplicationFailure) e.getCause().getCause()).getType()).isEqualTo("ShipFailed");
        assertThat(Events.ofType(env.history("saga-6"), ActivityTaskFailed)).hasSize(2);
    }

    @Test
    void parallelCompensationRunsEveryCompensation() {
        steps.failing.add("ship");

        WorkflowFailedException e = placeFailingOrder("saga-7", Mode.PARALLEL);

        assertThat(steps.calls.subList(0, 4)).containsExactly("reserveInventory", "chargeCard", "bookCourier", "ship");
        assertThat(steps.calls.subList(4, steps.calls.size()))
                .containsExactlyInAnyOrder("cancelCourier", "refundCard", "releaseInventory");
        assertThat(((ApplicationFailure) e.getCause().getCause()).getType()).isEqualTo("ShipFailed");
    }

    @Test
    void parallelCompensationSchedulesAllCompensationsBeforeAnyCompletes() {
        steps.failing.add("ship");

        placeFailingOrder("saga-8", Mode.PARALLEL);

        History history = env.history("saga-8");
        List<HistoryEvent> events = history.getEvents();
        int failed = Events.firstIndexOf(history, ActivityTaskFailed);
        List<EventType> afterFailure = Events.types(history).subList(failed + 1, events.size());
        assertThat(afterFailure.subList(0, 3)).containsOnly(ActivityTaskScheduled);
        assertThat(Events.scheduledActivities(history).subList(4, 7))
                .containsExactly("cancelCourier", "refundCard", "releaseInventory");
        assertThat(afterFailure).doesNotContain(WorkflowExecutionCompleted).endsWith(WorkflowExecutionFailed);
    }
}
