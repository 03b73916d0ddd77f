package dev.hourglass.samples.ordersaga;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.workflow.Saga;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Holds the funds, has the kitchen prepare the order, waits for pick-up, then charges; undoes what succeeded
 * when a later step fails.
 *
 * <p>Each step that succeeds registers its compensation on a {@link Saga}: releasing the hold, cancelling the
 * kitchen ticket. When the card is declined, the kitchen fails after its retries, or the customer does not
 * come within {@link #PICKUP_DEADLINE}, the saga runs the compensations registered so far in reverse order,
 * and the workflow fails with the original failure.
 */
public class OrderWorkflowImpl implements OrderWorkflow {

    /** How long a prepared order waits at the counter before it is cancelled. */
    public static final Duration PICKUP_DEADLINE = Duration.ofHours(2);

    /** The failure type of an order that was not picked up in time. */
    public static final String NOT_PICKED_UP = "NotPickedUp";

    private static final Logger log = Workflow.getLogger(OrderWorkflowImpl.class);

    /** A declined card stays declined: do not retry it. Retry anything else (the provider timing out) a few times. */
    private final PaymentActivities payments = Workflow.newActivityStub(PaymentActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryPolicy(RetryPolicy.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setBackoffCoefficient(2)
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setMaximumAttempts(10)
                            .setDoNotRetry(PaymentActivities.CARD_DECLINED)
                            .build())
                    .build());

    /** Cooking takes up to 45 minutes; a kitchen that fails three times in a row will not cook this order. */
    private final KitchenActivities kitchen = Workflow.newActivityStub(KitchenActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(45))
                    .setRetryPolicy(RetryPolicy.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(30))
                            .setBackoffCoefficient(2)
                            .setMaximumAttempts(3)
                            .build())
                    .build());

    private OrderStatus status = OrderStatus.HOLDING_FUNDS;
    private boolean pickedUp;

    @Override
    public OrderReceipt process(Order order) {
        Saga saga = new Saga();
        try {
            String holdId = payments.holdFunds(order.cardToken(), order.totalCents(), order.orderId());
            saga.addCompensation(payments::releaseHold, holdId);

            status = OrderStatus.PREPARING;
            String ticketId = kitchen.prepare(order.orderId(), order.items());
            saga.addCompensation(kitchen::cancelTicket, ticketId);

            status = OrderStatus.READY_FOR_PICKUP;
            log.info("order {} is ready, waiting up to {} for pick-up", order.orderId(), PICKUP_DEADLINE);
            if (!Workflow.await(PICKUP_DEADLINE, () -> pickedUp)) {
                throw ApplicationFailure.newNonRetryableFailure("order " + order.orderId() + " was not picked up"
                        + " within " + PICKUP_DEADLINE, NOT_PICKED_UP);
            }

            status = OrderStatus.CHARGING;
            String chargeId = payments.charge(holdId, order.totalCents());
            status = OrderStatus.COMPLETED;
            log.info("order {} picked up and charged: {}", order.orderId(), chargeId);
            return new OrderReceipt(order.orderId(), chargeId, order.totalCents());
        } catch (ActivityFailure | ApplicationFailure e) {
            log.warn("order {} cancelled while {}: {}", order.orderId(), status, e.getMessage());
            saga.compensate();
            status = OrderStatus.CANCELLED;
            throw e;
        }
    }

    @Override
    public void pickedUp() {
        pickedUp = true;
    }

    @Override
    public OrderStatus status() {
        return status;
    }
}
