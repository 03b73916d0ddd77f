package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.e2e.Carts.Cart;
import dev.hourglass.e2e.Carts.CartImpl;
import dev.hourglass.e2e.Carts.Chore;
import dev.hourglass.e2e.Carts.ChoreImpl;
import dev.hourglass.history.EventType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ExecuteAndTimedResultTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(CartImpl.class, ChoreImpl.class)
            .build();

    @Test
    void executeReturnsAFutureOfTheResult() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-1");

        CompletableFuture<String> result = WorkflowClient.execute(cart::checkout, "alice");
        cart.addItem("book");
        cart.pay();

        assertThat(result).succeedsWithin(LIMIT).isEqualTo("alice bought [book]");
    }

    @Test
    void executeHasStartedTheRunWhenItReturns() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-2");

        WorkflowClient.execute(cart::checkout, "bob");

        assertThat(env.history("cart-2").getEvents().get(0).getEventType())
                .isEqualTo(EventType.WorkflowExecutionStarted);
    }

    @Test
    void executeOfAVoidWorkflowMethodCompletesWithNull() {
        Chore chore = env.newWorkflowStub(Chore.class, "chore-1");

        CompletableFuture<Void> done = WorkflowClient.execute(chore::run);

        assertThat(done).succeedsWithin(LIMIT).isNull();
    }

    @Test
    void executeOfASignalMethodIsRefusedWithoutSendingIt() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-3");

        assertThatThrownBy(() -> WorkflowClient.execute(cart::addItem, "book"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WorkflowClient.execute needs a method reference to the workflow method")
                .hasMessageContaining("Cart.addItem is not the workflow method");
        assertThat(WorkflowStub.fromTyped(cart).getExecution()).isNull();
    }

    @Test
    void getResultWithATimeoutThrowsTimeoutExceptionWhileTheRunWaits() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-4");
        WorkflowClient.start(cart::checkout, "carol");

        assertThatThrownBy(() -> WorkflowStub.fromTyped(cart).getResult(100, TimeUnit.MILLISECONDS, String.class))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("workflow cart-4 did not close within 100 milliseconds")
                .hasMessageContaining("still running");
    }

    @Test
    void aTimedOutWaitLeavesTheRunGoingAndALaterWaitGetsTheResult() throws TimeoutException {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-5");
        WorkflowClient.start(cart::checkout, "dave");
        WorkflowStub untyped = WorkflowStub.fromTyped(cart);
        assertThatThrownBy(() -> untyped.getResult(50, TimeUnit.MILLISECONDS, String.class))
                .isInstanceOf(TimeoutException.class);

        cart.pay();

        assertThat(untyped.getResult(30, TimeUnit.SECONDS, String.class)).isEqualTo("dave bought []");
    }

    @Test
    void getResultAsyncWithATimeoutCompletesWithTimeoutException() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-6");
        WorkflowClient.start(cart::checkout, "erin");

        CompletableFuture<String> result = WorkflowStub.fromTyped(cart).getResultAsync(100, TimeUnit.MILLISECONDS,
                String.class);

        assertThat(result).failsWithin(LIMIT).withThrowableThat().havingCause()
                .isInstanceOf(TimeoutException.class)
                .withMessageContaining("workflow cart-6 did not close within 100 milliseconds");
    }

    @Test
    void getResultAsyncWithATimeoutCompletesWithTheResultWhenInTime() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-7");
        WorkflowClient.start(cart::checkout, "frank");
        cart.pay();

        assertThat(WorkflowStub.fromTyped(cart).getResultAsync(30, TimeUnit.SECONDS, String.class))
                .succeedsWithin(LIMIT).isEqualTo("frank bought []");
    }

    @Test
    void aNegativeTimeoutIsRefused() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-8");
        WorkflowClient.start(cart::checkout, "grace");

        assertThatThrownBy(() -> WorkflowStub.fromTyped(cart).getResult(-1, TimeUnit.SECONDS, String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeout must not be negative, was -1 SECONDS");
    }

    @Test
    void fromTypedGivesTheUntypedStubOfTheSameExecution() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-9");
        WorkflowStub untyped = WorkflowStub.fromTyped(cart);

        WorkflowExecution started = WorkflowClient.start(cart::checkout, "heidi");
        untyped.signal("pay");

        assertThat(untyped.getExecution()).isEqualTo(started);
        assertThat(untyped.getWorkflowType()).isEqualTo("Cart");
        assertThat(untyped.getResult(String.class)).isEqualTo("heidi bought []");
    }

    @Test
    void fromTypedRefusesAnObjectThatIsNotATypedStub() {
        assertThatThrownBy(() -> WorkflowStub.fromTyped(new CartImpl()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WorkflowStub.fromTyped needs a typed workflow stub from"
                        + " WorkflowClient.newWorkflowStub, got an instance of " + CartImpl.class.getName());
    }
}
