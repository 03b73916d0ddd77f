package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionSignaled;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.BatchRequest;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowException;
import dev.hourglass.client.WorkflowExecutionAlreadyStartedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.e2e.Carts.Cart;
import dev.hourglass.e2e.Carts.CartImpl;
import dev.hourglass.history.History;
import dev.hourglass.history.WorkflowExecutionSignaledAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SignalWithStartTest {

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(CartImpl.class)
            .build();

    private WorkflowStub untypedCart(String workflowId) {
        return env.client().newUntypedWorkflowStub("Cart", env.options(workflowId).build());
    }

    @Test
    void startsARunWithTheSignalRecordedRightAfterItsStart() {
        WorkflowExecution execution = untypedCart("cart-1").signalWithStart("addItem", new Object[] {"book"},
                new Object[] {"alice"});

        History history = env.history("cart-1");
        assertThat(history.getRunId()).isEqualTo(execution.getRunId());
        assertThat(history.getEvents().subList(0, 2)).extracting(event -> event.getEventType())
                .containsExactly(WorkflowExecutionStarted, WorkflowExecutionSignaled);
    }

    @Test
    void theStartedWorkflowHandlesTheSignalInItsFirstWorkflowTask() {
        WorkflowStub cart = untypedCart("cart-2");
        cart.signalWithStart("pay", null, new Object[] {"alice"});

        History history = env.awaitHistory("cart-2", "the run closes", h -> h.getLastEvent().getEventType().isClosing());

        // nothing between the signal and the completion: the first workflow task saw both the start and the signal
        assertThat(history.getEvents()).extracting(event -> event.getEventType())
                .containsExactly(WorkflowExecutionStarted, WorkflowExecutionSignaled, WorkflowExecutionCompleted);
        assertThat(cart.getResult(String.class)).isEqualTo("alice bought []");
    }

    @Test
    void theStartedWorkflowKeepsTheSignalsArguments() {
        WorkflowStub cart = untypedCart("cart-10");
        cart.signalWithStart("addItem", new Object[] {"book"}, new Object[] {"alice"});

        cart.signal("pay");

        assertThat(cart.getResult(String.class)).isEqualTo("alice bought [book]");
    }

    @Test
    void signalsTheOpenRunInsteadOfStartingAnother() {
        Cart first = env.newWorkflowStub(Cart.class, "cart-3");
        WorkflowExecution started = WorkflowClient.start(first::checkout, "alice");

        WorkflowExecution signaled = untypedCart("cart-3").signalWithStart("addItem", new Object[] {"pen"},
                new Object[] {"bob"});
        first.pay();

        assertThat(signaled).isEqualTo(started);
        assertThat(WorkflowStub.fromTyped(first).getResult(String.class)).isEqualTo("alice bought [pen]");
    }

    @Test
    void aTypedBatchStartsTheRunAndTheStubThenAddressesIt() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-4");
        BatchRequest request = env.client().newSignalWithStartRequest();
        request.add(cart::checkout, "carol");
        request.add(cart::addItem, "lamp");

        WorkflowExecution execution = env.client().signalWithStart(request);
        cart.pay();

        assertThat(WorkflowStub.fromTyped(cart).getExecution()).isEqualTo(execution);
        assertThat(cart.checkout("ignored")).isEqualTo("carol bought [lamp]");
    }

    @Test
    void aTypedBatchSignalsTheOpenRun() {
        Cart first = env.newWorkflowStub(Cart.class, "cart-5");
        WorkflowExecution started = WorkflowClient.start(first::checkout, "dave");
        Cart second = env.newWorkflowStub(Cart.class, "cart-5");
        BatchRequest request = env.client().newSignalWithStartRequest();
        request.add(second::checkout, "erin");
        request.add(second::addItem, "mug");

        WorkflowExecution signaled = env.client().signalWithStart(request);
        first.pay();

        assertThat(signaled).isEqualTo(started);
        assertThat(WorkflowStub.fromTyped(first).getResult(String.class)).isEqualTo("dave bought [mug]");
        History history = env.history("cart-5");
        assertThat(history.getEvents()).filteredOn(e -> e.getEventType() == WorkflowExecutionStarted).hasSize(1);
        assertThat(history.getEvents()).filteredOn(e -> e.getEventType() == WorkflowExecutionSignaled)
                .extracting(e -> e.getAttributes(WorkflowExecutionSignaledAttributes.class).signalName())
                .containsExactly("addItem", "pay");
    }

    @Test
    void refusesToStartAClosedIdAgainWhenTheReusePolicyForbidsIt() {
        WorkflowStub cart = env.client().newUntypedWorkflowStub("Cart", env.options("cart-6")
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build());
        cart.signalWithStart("pay", null, new Object[] {"frank"});
        cart.getResult(String.class);

        WorkflowStub again = env.client().newUntypedWorkflowStub("Cart", env.options("cart-6")
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE).build());

        assertThatThrownBy(() -> again.signalWithStart("addItem", new Object[] {"x"}, new Object[] {"grace"}))
                .isInstanceOf(WorkflowExecutionAlreadyStartedException.class)
                .isInstanceOf(WorkflowException.class)
                .hasMessageContaining("REJECT_DUPLICATE");
    }

    @Test
    void aBatchWithoutASignalCallIsRefusedSayingWhatIsMissing() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-7");
        BatchRequest request = env.client().newSignalWithStartRequest();
        request.add(cart::checkout, "heidi");

        assertThatThrownBy(() -> env.client().signalWithStart(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it has no signal call");
    }

    @Test
    void aBatchRefusesAQueryMethod() {
        Cart cart = env.newWorkflowStub(Cart.class, "cart-8");
        BatchRequest request = env.client().newSignalWithStartRequest();

        assertThatThrownBy(() -> request.add(cart::items))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cart.items is neither the workflow method nor a signal method; a signal-with-start"
                        + " request takes one call of each");
    }

    @Test
    void aBatchRefusesCallsOfTwoDifferentStubs() {
        BatchRequest request = env.client().newSignalWithStartRequest();
        Cart one = env.newWorkflowStub(Cart.class, "cart-9");
        Cart other = env.newWorkflowStub(Cart.class, "cart-9");
        request.add(one::checkout, "ivan");
        request.add(other::addItem, "cup");

        assertThatThrownBy(() -> env.client().signalWithStart(request))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must come from the same stub");
    }
}
