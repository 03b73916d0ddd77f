package dev.hourglass.samples.ordersaga;

import dev.hourglass.activity.ActivityInterface;
import java.util.List;

/**
 * The kitchen, as the order workflow uses it: prepare an order, or cancel its ticket.
 *
 * <p>Implementations send the ticket to the kitchen's display with the order id as an idempotency key.
 */
@ActivityInterface
public interface KitchenActivities {

    /** Has the kitchen prepare the items of an order; returns the kitchen ticket's id once the order is ready. */
    String prepare(String orderId, List<String> items);

    /** Cancels a ticket: the kitchen stops preparing the order, or throws away what was not picked up. */
    void cancelTicket(String ticketId);
}
