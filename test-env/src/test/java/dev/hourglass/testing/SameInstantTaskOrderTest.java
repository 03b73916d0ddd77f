package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.history.ActivityTaskCompletedAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Work runnable at the same virtual instant runs in an order drawn from the seed: the two activities a workflow
 * starts in parallel complete in an order that varies with the seed and is always the same for one seed.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SameInstantTaskOrderTest {

    private static final String QUEUE = "same-instant";

    @ActivityInterface
    public interface Letters {
        String letter(String letter);
    }

    public static final class LettersImpl implements Letters {
        @Override
        public String letter(String letter) {
            return letter;
        }
    }

    @WorkflowInterface
    public interface Pair {
        @WorkflowMethod
        String both();
    }

    public static class PairImpl implements Pair {
        private final Letters letters = Workflow.newActivityStub(Letters.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build());

        @Override
        public String both() {
            Promise<String> a = Workflow.async(letters::letter, "a");
            Promise<String> b = Workflow.async(letters::letter, "b");
            return a.get() + b.get();
        }
    }

    /** The history of one execution of {@link Pair} in an environment of {@code seed}. */
    private static History pairHistory(long seed) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(seed).build())) {
            Worker worker = env.newWorker(QUEUE);
            worker.registerWorkflowImplementationTypes(PairImpl.class);
            worker.registerActivitiesImplementations(new LettersImpl());
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            Pair pair = client.newWorkflowStub(Pair.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
                    .setWorkflowId("pair").build());
            assertThat(pair.both()).isEqualTo("ab");
            return client.fetchHistory("pair");
        }
    }

    /** The ids of the activities in the order their completions were recorded. */
    private static List<String> completionOrder(History history) {
        return history.getEvents().stream()
                .map(HistoryEvent::getAttributes)
                .filter(ActivityTaskCompletedAttributes.class::isInstance)
                .map(attributes -> ((ActivityTaskCompletedAttributes) attributes).activityId())
                .toList();
    }

    @Test
    void parallelActivitiesCompleteInAnOrderThatVariesWithTheSeed() {
        Set<String> orders = new TreeSet<>();
        LongStream.rangeClosed(1, 20).forEach(seed -> orders.add(String.join(",",
                completionOrder(pairHistory(seed)))));

        assertThat(orders).as("completion orders over seeds 1 to 20").hasSize(2);
    }

    @Test
    void theSameSeedCompletesParallelActivitiesInTheSameOrderAndRecordsTheSameHistory() {
        for (long seed = 1; seed <= 5; seed++) {
            assertThat(pairHistory(seed).toJson()).as("history of seed %d", seed)
                    .isEqualTo(pairHistory(seed).toJson());
        }
    }
}
