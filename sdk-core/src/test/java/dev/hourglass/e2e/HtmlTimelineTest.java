package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryTimeline;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The HTML timeline of histories the engine recorded on each service: a retried activity and an activity whose
 * failure failed the workflow.
 */
class HtmlTimelineTest {

    @ActivityInterface
    public interface Payments {
        String charge(String customer);

        String reserve(String customer);
    }

    public static class PaymentsImpl implements Payments {
        @Override
        public String charge(String customer) {
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            if (attempt < 3) {
                throw ApplicationFailure.newFailure("gateway busy at attempt " + attempt, "GatewayBusy");
            }
            return "charged " + customer;
        }

        @Override
        public String reserve(String customer) {
            throw ApplicationFailure.newNonRetryableFailure("out of stock for " + customer, "OutOfStock");
        }
    }

    @WorkflowInterface
    public interface Checkout {
        @WorkflowMethod
        String checkout(String customer);
    }

    public static class CheckoutImpl implements Checkout {
        private final Payments payments = Workflow.newActivityStub(Payments.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(10))
                        .setBackoffCoefficient(1).setMaximumAttempts(5).build())
                .build());

        @Override
        public String checkout(String customer) {
            String charged = payments.charge(customer);
            return charged + ", " + payments.reserve(customer);
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(CheckoutImpl.class)
            .registerActivitiesImplementations(new PaymentsImpl())
            .build();

    private History failedCheckout(String workflowId) {
        catchThrowableOfType(WorkflowFailedException.class,
                () -> env.newWorkflowStub(Checkout.class, workflowId).checkout("ada"));
        return env.history(workflowId);
    }

    @Test
    void anActivityRetriedTwiceIsOneBarMarkedWithItsThirdAttempt() {
        String html = HistoryTimeline.formatHtml(failedCheckout("checkout-1"));

        Matcher charges = Pattern.compile("<div class=\"hg-bar hg-activity[^>]*data-activity-type=\"charge\"[^>]*>"
                + "<span class=\"hg-bar-label\">([^<]*)</span>").matcher(html);
        assertThat(charges.find()).as("a bar of the charge activity in %s", html).isTrue();
        assertThat(charges.group()).contains("data-attempt=\"3\"", "data-outcome=\"completed\"");
        assertThat(charges.group(1)).isEqualTo("charge, attempt 3");
        assertThat(charges.find()).isFalse();
    }

    @Test
    void theRowOfTheFailedActivityHoldsItsMessageAndTheStackTraceOfTheActivityCode() {
        String html = HistoryTimeline.formatHtml(failedCheckout("checkout-2"));

        Matcher row = Pattern.compile("<li class=\"hg-event\" data-event-id=\"\\d+\""
                + " data-event-type=\"ActivityTaskFailed\">.*?</li>", Pattern.DOTALL).matcher(html);
        assertThat(row.find()).as("an ActivityTaskFailed row in %s", html).isTrue();
        assertThat(row.group()).contains("<span class=\"hg-failure-type\">OutOfStock</span>",
                "<span class=\"hg-failure-message\">out of stock for ada</span>",
                "<pre class=\"hg-stack\">at ",
                "at dev.hourglass.e2e.HtmlTimelineTest$PaymentsImpl.reserve(HtmlTimelineTest.java:");
    }
}
