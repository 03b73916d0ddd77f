package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskFailedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FailureDetailsTest {

    public record Decline(String reason, long cents) {
    }

    @ActivityInterface
    public interface Cards {
        void charge(String card, long cents);
    }

    public static class DecliningCards implements Cards {
        @Override
        public void charge(String card, long cents) {
            throw ApplicationFailure.newNonRetryableFailure("card " + card + " declined", "CardDeclined",
                    new Decline("insufficient funds", cents));
        }
    }

    @WorkflowInterface
    public interface Checkout {
        @WorkflowMethod
        String checkout(String card, long cents);
    }

    /** Reports the decline the activity gave as details, or fails with its own details when told to. */
    public static class CheckoutImpl implements Checkout {
        private final Cards cards = Workflow.newActivityStub(Cards.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build())
                .build());

        @Override
        public String checkout(String card, long cents) {
            try {
                cards.charge(card, cents);
                return "charged";
            } catch (ActivityFailure e) {
                Decline decline = ((ApplicationFailure) e.getCause()).getDetails().get(0, Decline.class);
                if (card.startsWith("fail")) {
                    throw ApplicationFailure.newNonRetryableFailure("checkout refused", "CheckoutRefused",
                            decline, "ask for another card");
                }
                return decline.reason() + " (" + decline.cents() + ")";
            }
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(CheckoutImpl.class)
            .registerActivitiesImplementations(new DecliningCards())
            .build();

    @Test
    void theWorkflowReadsTheDetailsOfTheFailureAnActivityThrew() {
        String result = env.newWorkflowStub(Checkout.class, "checkout-1").checkout("4242", 2500);

        assertThat(result).isEqualTo("insufficient funds (2500)");
    }

    @Test
    void theDetailsAreRecordedInTheActivityTaskFailedEvent() {
        env.newWorkflowStub(Checkout.class, "checkout-2").checkout("4242", 2500);

        History history = env.history("checkout-2");
        ActivityTaskFailedAttributes failed = history.getEvents().stream()
                .filter(event -> event.getEventType() == EventType.ActivityTaskFailed)
                .findFirst().orElseThrow().getAttributes(ActivityTaskFailedAttributes.class);
        assertThat(JsonPayload.node(failed.failure()).get("details").toString())
                .isEqualTo("[{\"reason\":\"insufficient funds\",\"cents\":2500}]");
    }

    @Test
    void theClientReadsTheDetailsOfTheFailureTheWorkflowThrew() {
        Checkout checkout = env.newWorkflowStub(Checkout.class, "checkout-3");

        WorkflowFailedException thrown = catchThrowableOfType(() -> checkout.checkout("fail-4242", 2500),
                WorkflowFailedException.class);

        ApplicationFailure cause = (ApplicationFailure) thrown.getCause();
        assertThat(cause.getType()).isEqualTo("CheckoutRefused");
        assertThat(cause.getDetails().get(0, Decline.class)).isEqualTo(new Decline("insufficient funds", 2500));
        assertThat(cause.getDetails().get(1, String.class)).isEqualTo("ask for another card");
    }
}
