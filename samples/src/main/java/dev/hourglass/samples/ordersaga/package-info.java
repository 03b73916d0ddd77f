/**
 * Sample: a take-away order run as a saga. The workflow holds funds on the customer's card, has the kitchen
 * prepare the order, waits up to two hours for the customer to pick it up, then charges the card; when a
 * step fails or the order is not picked up in time, it undoes the steps that succeeded, last one first.
 *
 * <p>{@code OrderWorkflowTest} in the samples' tests shows how to test it: activity mocks, a signal sent
 * while the workflow waits, and a two-hour deadline that passes in virtual time.
 */
package dev.hourglass.samples.ordersaga;
