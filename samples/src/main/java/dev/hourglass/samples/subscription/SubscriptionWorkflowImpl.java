package dev.hourglass.samples.subscription;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;

/**
 * Waits out the trial, then charges each month on the same day of the month until the term ends.
 *
 * <p>A declined charge is tried again {@link #DUNNING_INTERVAL} later, up to {@link #CHARGE_ATTEMPTS} attempts
 * in all; when the last one is declined too, the customer's access is suspended and the workflow ends. A
 * {@link #cancel()} signal ends it at once, whether it is waiting for the next month, for a dunning retry or in
 * the trial. After {@link #PERIODS_PER_RUN} charges the workflow continues as new, handing its
 * {@link BillingProgress} to the next run, so that no run's history grows beyond a year of events.
 */
public class SubscriptionWorkflowImpl implements SubscriptionWorkflow {

    /** How many attempts are made to charge one month before the subscription is suspended. */
    public static final int CHARGE_ATTEMPTS = 3;

    /** How long to wait after a declined charge before trying it again. */
    public static final Duration DUNNING_INTERVAL = Duration.ofDays(3);

    /** How many months one run charges before it continues as new. */
    public static final int PERIODS_PER_RUN = 12;

    private static final Logger log = Workflow.getLogger(SubscriptionWorkflowImpl.class);

    /** Declines are retried by the dunning schedule, days later; retry anything else within the minute. */
    private final BillingActivities billing = Workflow.newActivityStub(BillingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryPolicy(RetryPolicy.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(2))
                            .setBackoffCoefficient(2)
                            .setMaximumAttempts(5)
                            .setDoNotRetry(BillingActivities.PAYMENT_DECLINED)
                            .build())
                    .build());

    private SubscriptionStatus status = SubscriptionStatus.TRIAL;
    private BillingProgress progress = BillingProgress.NOT_STARTED;
    private boolean cancelled;

    @Override
    public SubscriptionSummary subscribe(Subscription subscription) {
        progress = subscription.progress();
        if (progress.firstChargeTime() == null) {
            Instant trialEnd = now().plus(Duration.ofDays(subscription.trialDays()));
            log.info("subscription {}: trial until {}", subscription.subscriptionId(), trialEnd);
            if (!waitUntil(trialEnd)) {
                return finish(subscription, SubscriptionStatus.CANCELLED);
            }
            progress = progress.startingAt(trialEnd);
        }
        status = SubscriptionStatus.ACTIVE;

        int chargedInThisRun = 0;
        while (progress.periodsBilled() < subscription.months()) {
            // A cancellation that came in with the last charge is handled in this run rather than handed over.
            if (chargedInThisRun == PERIODS_PER_RUN && !cancelled) {
                log.info("subscription {}: {} months billed, continuing as new", subscription.subscriptionId(),
                        progress.periodsBilled());
                Workflow.continueAsNew(subscription.withProgress(progress));
            }
            int period = progress.periodsBilled();
            if (!waitUntil(progress.dueTime(period))) {
                return finish(subscription, SubscriptionStatus.CANCELLED);
            }
            Invoice invoice = new Invoice(subscription.subscriptionId() + "-" + (period + 1),
                    subscription.customerId(), subscription.monthlyPriceCents(),
                    progress.dueTime(period).atZone(ZoneOffset.UTC).toLocalDate());
            if (!collect(invoice)) {
                if (cancelled) {
                    return finish(subscription, SubscriptionStatus.CANCELLED);
                }
                billing.suspend(subscription.subscriptionId(), invoice.invoiceId());
                return finish(subscription, SubscriptionStatus.SUSPENDED);
            }
            progress = progress.billed(invoice.amountCents());
            chargedInThisRun++;
        }

        if (!waitUntil(progress.dueTime(subscription.months()))) {
            return finish(subscription, SubscriptionStatus.CANCELLED);
        }
        return finish(subscription, SubscriptionStatus.ENDED);
    }

    /** Charges an invoice on the dunning schedule; returns whether it was paid (false if cancelled meanwhile). */
    private boolean collect(Invoice invoice) {
        for (int attempt = 1; ; attempt++) {
            try {
                String paymentId = billing.charge(invoice);
                status = SubscriptionStatus.ACTIVE;
                log.info("invoice {}: paid by {} on attempt {}", invoice.invoiceId(), paymentId, attempt);
                return true;
            } catch (ActivityFailure e) {
                status = SubscriptionStatus.PAST_DUE;
                log.warn("invoice {}: attempt {} of {} failed: {}", invoice.invoiceId(), attempt, CHARGE_ATTEMPTS,
                        e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                if (attempt == CHARGE_ATTEMPTS || Workflow.await(DUNNING_INTERVAL, () -> cancelled)) {
                    return false;
                }
            }
        }
    }

    /** Waits until {@code time}; returns {@code false} if the subscription was cancelled first. */
    private boolean waitUntil(Instant time) {
        Duration wait = Duration.between(now(), time);
        if (wait.isNegative() || wait.isZero()) {
            return !cancelled;
        }
        return !Workflow.await(wait, () -> cancelled);
    }

    private SubscriptionSummary finish(Subscription subscription, SubscriptionStatus finalStatus) {
        status = finalStatus;
        log.info("subscription {}: {} after {} months billed", subscription.subscriptionId(), finalStatus,
                progress.periodsBilled());
        return new SubscriptionSummary(subscription.subscriptionId(), finalStatus, progress.periodsBilled(),
                progress.chargedCents());
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    @Override
    public void cancel() {
        cancelled = true;
    }

    @Override
    public SubscriptionStatus status() {
        return status;
    }

    @Override
    public BillingProgress progress() {
        return progress;
    }
}
