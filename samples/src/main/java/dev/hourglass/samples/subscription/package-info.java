/**
 * Sample: a monthly subscription with a free trial, dunning of declined charges, cancellation by signal and
 * continue-as-new every year; and daily usage metering over a 30-day cycle.
 *
 * <p>{@code SubscriptionWorkflowTest} and {@code UsageMeteringWorkflowTest} in the samples' tests run a year
 * of monthly charges, or thirty daily readings, in milliseconds of real time on the virtual clock.
 */
package dev.hourglass.samples.subscription;
