package dev.hourglass.samples.ordersaga;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

class OrderWorkflowTest {

    private static final Order ORDER = new Order("order-7", "alice", "card-4242", List.of("ramen", "gyoza"), 23_50);

    private final PaymentActivities payments = mock(PaymentActivities.class);
    private final KitchenActivities kitchen = mock(KitchenActivities.class);

    @RegisterExtension
    final TestWorkflowExtension workflows = TestWorkflowExtension.newBuilder()
            .registerWorkflowImplementationTypes(OrderWorkflowImpl.class)
            .setActivityImplementations(payments, kitchen)
            .build();

    @BeforeEach
    void paymentsAndKitchenAccept() {
        when(payments.holdFunds("card-4242", 23_50, "order-7")).thenReturn("hold-1");
        when(kitchen.prepare("order-7", List.of("ramen", "gyoza"))).thenReturn("ticket-1");
        when(payments.charge("hold-1", 23_50)).thenReturn("charge-1");
    }

    @Test
    void orderPickedUpWhileWaitingIsCharged(TestWorkflowEnvironment env, WorkflowClient client, OrderWorkflow order) {
        WorkflowExecution execution = WorkflowClient.start(order::process, ORDER);
        env.sleep(Duration.ofMinutes(20));
        order.pickedUp();

        OrderReceipt receipt = client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(OrderReceipt.class);

        assertThat(receipt).isEqualTo(new OrderReceipt("order-7", "charge-1", 23_50));
        verify(payments).charge("hold-1", 23_50);
        verify(payments, never()).releaseHold(anyString());
        verify(kitchen, never()).cancelTicket(anyString());
    }

    @Test
    void statusIsReadyForPickupWhileTheOrderWaitsAtTheCounter(TestWorkflowEnvironment env, OrderWorkflow order) {
        WorkflowClient.start(order::process, ORDER);
        env.sleep(Duration.ofHours(1));

        assertThat(order.status()).isEqualTo(OrderStatus.READY_FOR_PICKUP);
        verify(payments, never()).charge(anyString(), anyLong());
    }

    @Test
    void orderNotPickedUpIsCompensatedInReverseOrder(WorkflowClient client, OrderWorkflow order) {
        WorkflowExecution execution = WorkflowClient.start(order::process, ORDER);

        WorkflowFailedException failure = catchThrowableOfType(WorkflowFailedException.class,
                () -> client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(OrderReceipt.class));

        assertThat(failure.getCause()).isInstanceOfSatisfying(ApplicationFailure.class,
                cause -> assertThat(cause.getType()).isEqualTo(OrderWorkflowImpl.NOT_PICKED_UP));
        InOrder steps = inOrder(payments, kitchen);
        steps.verify(payments).holdFunds("card-4242", 23_50, "order-7");
        steps.verify(kitchen).prepare("order-7", List.of("ramen", "gyoza"));
        steps.verify(kitchen).cancelTicket("ticket-1");
        steps.verify(payments).releaseHold("hold-1");
        steps.verifyNoMoreInteractions();
    }

    @Test
    void pickUpDeadlineOfTwoHoursPassesInVirtualTime(TestWorkflowEnvironment env, WorkflowClient client,
            OrderWorkflow order) {
        long virtualStart = env.currentTimeMillis();
        WorkflowExecution execution = WorkflowClient.start(order::process, ORDER);

        catchThrowableOfType(WorkflowFailedException.class,
                () -> client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(OrderReceipt.class));

        assertThat(env.currentTimeMillis() - virtualStart).isEqualTo(Duration.ofHours(2).toMillis());
    }

    @Test
    void statusIsCancelledOnceTheCompensationsRan(WorkflowClient client, OrderWorkflow order) {
        WorkflowExecution execution = WorkflowClient.start(order::process, ORDER);
        catchThrowableOfType(WorkflowFailedException.class,
                () -> client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(OrderReceipt.class));

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
    }

    @Test
    void declinedCardIsNotRetriedAndTheKitchenIsNeverCalled(WorkflowClient client, OrderWorkflow order) {
        when(payments.holdFunds("card-4242", 23_50, "order-7"))
                .thenThrow(ApplicationFailure.newFailure("card declined", PaymentActivities.CARD_DECLINED));

        assertThat(catchThrowableOfType(WorkflowFailedException.class, () -> order.process(ORDER))).isNotNull();

        verify(payments, times(1)).holdFunds("card-4242", 23_50, "order-7");
        verifyNoInteractions(kitchen);
        verify(payments, never()).releaseHold(anyString());
        assertThat(client.fetchHistory("declinedCardIsNotRetriedAndTheKitchenIsNeverCalled-1"))
                .failedWith(PaymentActivities.CARD_DECLINED)
                .hasActivityScheduledTimes("prepare", 0);
    }

    @Test
    void kitchenFailingOnEveryAttemptReleasesTheHold(OrderWorkflow order) {
        when(kitchen.prepare(anyString(), any()))
                .thenThrow(ApplicationFailure.newFailure("the oven is down", "KitchenUnavailable"));

        assertThat(catchThrowableOfType(WorkflowFailedException.class, () -> order.process(ORDER))).isNotNull();

        verify(kitchen, times(3)).prepare("order-7", List.of("ramen", "gyoza"));
        verify(payments).releaseHold("hold-1");
        verify(kitchen, never()).cancelTicket(anyString());
        verify(payments, never()).charge(anyString(), anyLong());
    }

    @Test
    void kitchenRetriesWaitThirtyThenSixtySecondsOfVirtualTime(TestWorkflowEnvironment env, OrderWorkflow order) {
        when(kitchen.prepare(anyString(), any()))
                .thenThrow(ApplicationFailure.newFailure("the oven is down", "KitchenUnavailable"));
        long start = env.currentTimeMillis();

        catchThrowableOfType(WorkflowFailedException.class, () -> order.process(ORDER));

        assertThat(env.currentTimeMillis() - start).isEqualTo(Duration.ofSeconds(30 + 60).toMillis());
    }

    @Test
    void historyOfAPickedUpOrderShowsTheStepsTheDeadlineAndTheSignal(TestWorkflowEnvironment env,
            WorkflowClient client, OrderWorkflow order) {
        WorkflowExecution execution = WorkflowClient.start(order::process, ORDER);
        env.sleep(Duration.ofMinutes(20));
        order.pickedUp();
        client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(OrderReceipt.class);

        assertThat(client.fetchHistory(execution.getWorkflowId()))
                .hasEventsInOrder(EventType.ActivityTaskScheduled, EventType.ActivityTaskScheduled,
                        EventType.TimerStarted, EventType.WorkflowExecutionSignaled, EventType.ActivityTaskScheduled,
                        EventType.WorkflowExecutionCompleted)
                .hasActivityScheduled("holdFunds")
                .hasActivityScheduled("prepare")
                .hasTimerStarted(OrderWorkflowImpl.PICKUP_DEADLINE)
                .hasSignal("pickedUp")
                .hasActivityScheduled("charge")
                .completedWith(new OrderReceipt("order-7", "charge-1", 23_50));
    }

    @Test
    void historyOfAnOrderNotPickedUpShowsTheCompensations(WorkflowClient client, OrderWorkflow order) {
        WorkflowExecution execution = WorkflowClient.start(order::process, ORDER);
        catchThrowableOfType(WorkflowFailedException.class,
                () -> client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(OrderReceipt.class));

        assertThat(client.fetchHistory(execution.getWorkflowId()))
                .hasEventsInOrder(EventType.TimerStarted, EventType.TimerFired, EventType.ActivityTaskScheduled,
                        EventType.ActivityTaskScheduled, EventType.WorkflowExecutionFailed)
                .hasActivityScheduled("cancelTicket")
                .hasActivityScheduled("releaseHold")
                .hasActivityScheduledTimes("charge", 0)
                .failedWith(OrderWorkflowImpl.NOT_PICKED_UP);
    }
}
