package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.testing.JUnit4Examples.Example;
import dev.hourglass.testing.JUnit4Examples.Outcome;
import dev.hourglass.worker.WorkflowImplementationOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension and the JUnit 4 rule register workflow types with {@link WorkflowImplementationOptions}. */
class HarnessImplementationOptionsTest {

    @ActivityInterface
    public interface Stock {
        int count(String item);
    }

    public static class ShelfStock implements Stock {
        @Override
        public int count(String item) {
            return item.length();
        }
    }

    public static class OutOfStock extends RuntimeException {
        public OutOfStock(String message) {
            super(message);
        }
    }

    @WorkflowInterface
    public interface Inventory {
        @WorkflowMethod
        int check(String item);
    }

    /** Its activity stub has no options of its own, and it throws a plain exception when nothing is left. */
    public static class InventoryImpl implements Inventory {
        private final Stock stock = Workflow.newActivityStub(Stock.class);

        @Override
        public int check(String item) {
            int count = stock.count(item);
            if (count == 0) {
                throw new OutOfStock("no " + item + " left");
            }
            return count;
        }
    }

    static final WorkflowImplementationOptions OPTIONS = WorkflowImplementationOptions.newBuilder()
            .setDefaultActivityOptions(ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(5)).build())
            .setFailWorkflowExceptionTypes(OutOfStock.class)
            .build();

    @Nested
    class TheExtension {
        @RegisterExtension
        final TestWorkflowExtension extension = TestWorkflowExtension.newBuilder()
                .registerWorkflowImplementationTypes(OPTIONS, InventoryImpl.class)
                .setActivityImplementations(new ShelfStock())
                .build();

        @Test
        void givesStubsWithoutOptionsTheRegisteredDefaults(Inventory inventory) {
            assertThat(inventory.check("pen")).isEqualTo(3);
        }

        @Test
        void failsTheWorkflowOnAListedExceptionType(Inventory inventory) {
            assertThatThrownBy(() -> inventory.check("")).isInstanceOf(WorkflowFailedException.class)
                    .rootCause().hasMessageContaining("no  left").hasMessageContaining(OutOfStock.class.getName());
        }
    }

    /** What the tests of the JUnit 4 example saw. */
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    public static class RuleExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(OPTIONS, InventoryImpl.class)
                .setActivityImplementations(new ShelfStock())
                .build();

        @org.junit.Test
        public void checks() {
            SEEN.add(rule.newWorkflowStub(Inventory.class).check("book"));
            try {
                rule.newWorkflowStub(Inventory.class).check("");
            } catch (WorkflowFailedException e) {
                SEEN.add(e.getCause().getMessage());
            }
        }
    }

    @BeforeEach
    void forgetWhatEarlierExamplesSaw() {
        SEEN.clear();
    }

    @Test
    void theRuleRegistersItsWorkflowTypesWithTheOptions() {
        Outcome outcome = JUnit4Examples.launch(RuleExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).hasSize(2).startsWith(4);
        assertThat((String) SEEN.get(1)).contains("no  left");
    }
}
