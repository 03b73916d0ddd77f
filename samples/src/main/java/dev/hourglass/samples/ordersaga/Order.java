package dev.hourglass.samples.ordersaga;

import java.util.List;

/**
 * A take-away order, as the till sends it to the {@link OrderWorkflow}.
 *
 * @param orderId identifies the order; payments and the kitchen use it to apply each request once
 * @param customerId the customer who ordered
 * @param cardToken the customer's card, as a token of the payment provider
 * @param items what to prepare, one entry per dish
 * @param totalCents what the order costs, in cents
 */
public record Order(String orderId, String customerId, String cardToken, List<String> items, long totalCents) {

    /** Copies {@code items}, so the order does not change after it is made. */
    public Order {
        items = List.copyOf(items);
    }
}
