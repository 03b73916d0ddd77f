package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.UpdateOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowExecutionClosedException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.client.WorkflowUpdateException;
import dev.hourglass.client.WorkflowUpdateHandle;
import dev.hourglass.client.WorkflowUpdateStage;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.UpdateMethod;
import dev.hourglass.workflow.UpdateValidatorMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UpdateTest {

    @ActivityInterface
    public interface Prices {
        int priceOf(String item);
    }

    public static class PricesImpl implements Prices {
        @Override
        public int priceOf(String item) {
            return item.length() * 10;
        }
    }

    @WorkflowInterface
    public interface Basket {
        @WorkflowMethod
        List<String> fill(String owner);

        @UpdateMethod
        int add(String item);

        @UpdateMethod(name = "priced")
        int addPriced(String item);

        @UpdateMethod
        void fail(String reason);

        @SignalMethod
        void close();
    }

    public static class BasketImpl implements Basket {
        private final Prices prices = Workflow.newActivityStub(Prices.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());
        private final List<String> items = new ArrayList<>();
        private boolean closed;

        @Override
        public List<String> fill(String owner) {
            Workflow.await(() -> closed);
            return items;
        }

        @Override
        public int add(String item) {
            items.add(item);
            return items.size();
        }

        @UpdateValidatorMethod(updateName = "add")
        public void validateAdd(String item) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("an item needs a name");
            }
        }

        @Override
        public int addPriced(String item) {
            int price = prices.priceOf(item);
            items.add(item + "@" + price);
            return price;
        }

        @Override
        public void fail(String reason) {
            throw ApplicationFailure.newFailure(reason, "Refused");
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(BasketImpl.class)
            .registerActivitiesImplementations(new PricesImpl())
            .build();

    private Basket started(String workflowId) {
        Basket basket = env.newWorkflowStub(Basket.class, workflowId);
        WorkflowClient.start(basket::fill, "alice");
        return basket;
    }

    private List<EventType> eventTypes(String workflowId) {
        return env.history(workflowId).getEvents().stream().map(HistoryEvent::getEventType).toList();
    }

    @Test
    void aTypedUpdateReturnsTheHandlersResult() {
        Basket basket = started("basket-1");

        assertThat(basket.add("book")).isEqualTo(1);
        assertThat(basket.add("pen")).isEqualTo(2);
        basket.close();

        assertThat(WorkflowStub.fromTyped(basket).getResult(List.class)).containsExactly("book", "pen");
        assertThat(eventTypes("basket-1")).containsSubsequence(EventType.WorkflowExecutionUpdateAccepted,
                EventType.WorkflowExecutionUpdateCompleted, EventType.WorkflowExecutionUpdateAccepted,
                EventType.WorkflowExecutionUpdateCompleted);
    }

    @Test
    void aHandlerMayRunAnActivity() {
        Basket basket = started("basket-2");

        assertThat(basket.addPriced("lamp")).isEqualTo(40);
        basket.close();

        assertThat(WorkflowStub.fromTyped(basket).getResult(List.class)).containsExactly("lamp@40");
    }

    @Test
    void aRejectedUpdateRecordsNoEvent() {
        Basket basket = started("basket-3");

        assertThatThrownBy(() -> basket.add(" "))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("was rejected: an item needs a name")
                .cause().isInstanceOf(ApplicationFailure.class)
                .extracting(failure -> ((ApplicationFailure) failure).getType())
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(eventTypes("basket-3")).doesNotContain(EventType.WorkflowExecutionUpdateAccepted);
        basket.close();
        assertThat(WorkflowStub.fromTyped(basket).getResult(List.class)).isEmpty();
    }

    @Test
    void anUnknownUpdateIsRejectedNamingTheKnownOnes() {
        started("basket-4");
        WorkflowStub stub = env.client().newUntypedWorkflowStub("basket-4");

        assertThatThrownBy(() -> stub.update("remove", Integer.class, "book"))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("has no update 'remove'")
                .hasMessageContaining("[add, fail, priced]");
        assertThat(eventTypes("basket-4")).doesNotContain(EventType.WorkflowExecutionUpdateAccepted);
        stub.signal("close");
        stub.getResult(List.class);
    }

    @Test
    void aHandlerFailureFailsTheUpdateAndTheWorkflowGoesOn() {
        Basket basket = started("basket-5");

        assertThatThrownBy(() -> basket.fail("no more"))
                .isInstanceOf(WorkflowUpdateException.class)
                .hasMessageContaining("failed in its handler")
                .hasCauseInstanceOf(ApplicationFailure.class);
        assertThat(basket.add("book")).isEqualTo(1);
        basket.close();
        assertThat(WorkflowStub.fromTyped(basket).getResult(List.class)).containsExactly("book");
    }

    @Test
    void anUntypedStubStartsAnUpdateAndWaitsForItsResultThroughTheHandle() {
        started("basket-6");
        WorkflowStub stub = env.client().newUntypedWorkflowStub("basket-6");

        WorkflowUpdateHandle<Integer> handle = stub.startUpdate("add", UpdateOptions.newBuilder()
                .setUpdateId("first-add").setWaitForStage(WorkflowUpdateStage.ACCEPTED).build(), Integer.class, "cup");

        assertThat(handle.getId()).isEqualTo("first-add");
        assertThat(handle.getResult()).isEqualTo(1);
        assertThat(handle.getResultAsync().join()).isEqualTo(1);
        stub.signal("close");
        assertThat(stub.getResult(List.class)).containsExactly("cup");
    }

    @Test
    void anUpdateSentAgainWithItsIdIsNotDeliveredTwice() {
        started("basket-7");
        WorkflowStub stub = env.client().newUntypedWorkflowStub("basket-7");
        UpdateOptions once = UpdateOptions.newBuilder().setUpdateId("once")
                .setWaitForStage(WorkflowUpdateStage.COMPLETED).build();

        int first = stub.startUpdate("add", once, Integer.class, "cup").getResult();
        int again = stub.startUpdate("add", once, Integer.class, "cup").getResult();

        assertThat(again).isEqualTo(first);
        stub.signal("close");
        assertThat(stub.getResult(List.class)).containsExactly("cup");
    }

    @Test
    void updateWithStartStartsTheWorkflowWhenNoneRuns() {
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Basket", env.options("basket-8").build());

        int size = stub.executeUpdateWithStart("add", Integer.class, new Object[] {"tea"}, new Object[] {"bob"});

        assertThat(size).isEqualTo(1);
        stub.signal("close");
        assertThat(stub.getResult(List.class)).containsExactly("tea");
    }

    @Test
    void updateWithStartUpdatesTheRunningWorkflow() {
        Basket basket = started("basket-9");
        basket.add("milk");
        WorkflowStub stub = env.client().newUntypedWorkflowStub("Basket", env.options("basket-9").build());

        int size = stub.executeUpdateWithStart("add", Integer.class, new Object[] {"tea"}, new Object[] {"bob"});

        assertThat(size).isEqualTo(2);
        assertThat(stub.getExecution()).isEqualTo(WorkflowStub.fromTyped(basket).getExecution());
        basket.close();
        assertThat(stub.getResult(List.class)).containsExactly("milk", "tea");
    }

    @Test
    void anUpdateOfAClosedWorkflowIsRefused() {
        Basket basket = started("basket-10");
        basket.close();
        WorkflowStub.fromTyped(basket).getResult(List.class);

        assertThatThrownBy(() -> basket.add("late"))
                .isInstanceOf(WorkflowExecutionClosedException.class)
                .hasMessageContaining("update add");
    }
}
