package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.ActivityTaskCompleted;
import static dev.hourglass.history.EventType.ActivityTaskScheduled;
import static dev.hourglass.history.EventType.WorkflowExecutionFailed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.TimerStartedAttributes;
import dev.hourglass.workflow.CompletablePromise;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AsyncTest {

    @ActivityInterface
    public interface Catalog {
        String fetch(String key);

        int price(String item);

        String rejectItem(String item);
    }

    /** Runs the asynchronous pattern named by {@code scenario}. */
    @WorkflowInterface
    public interface Fanout {
        @WorkflowMethod
        String run(String scenario);
    }

    public static class FanoutImpl implements Fanout {
        private final Catalog catalog = Workflow.newActivityStub(Catalog.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String run(String scenario) {
            switch (scenario) {
                case "allOf": {
                    Promise<String> a = Workflow.async(catalog::fetch, "a");
                    Promise<String> b = Workflow.async(catalog::fetch, "b");
                    Promise.allOf(a, b).get();
                    return a.get() + "+" + b.get();
                }
                case "anyOf": {
                    Promise<String> slow = Workflow.async(catalog::fetch, "slow");
                    Promise<String> fast = Workflow.async(catalog::fetch, "fast");
                    return Promise.anyOf(slow, fast).get();
                }
                case "thenApply":
                    return Workflow.async(catalog::price, "book").thenApply(cents -> cents * 2)
                            .thenApply(cents -> "doubled " + cents).get();
                case "failureThroughThenApply":
                    try {
                        return Workflow.async(catalog::rejectItem, "lamp").thenApply(s -> "never " + s).get();
                    } catch (ActivityFailure e) {
                        return "caught " + describe(e);
                    }
                case "failureHandled":
                    return Workflow.async(catalog::rejectItem, "sofa")
                            .handle((value, failure) -> failure == null ? value : "handled " + describe(failure))
                            .get();
                case "allOfFailure": {
                    Promise<String> ok = Workflow.async(catalog::fetch, "a");
                    Promise<String> bad = Workflow.async(catalog::rejectItem, "chair");
                    try {
                        Promise.allOf(ok, bad).get();
                        return "all succeeded";
                    } catch (ActivityFailure e) {
                        return "allOf failed with " + describe(e);
                    }
                }
                case "uncaughtFailure":
                    return Workflow.async(catalog::rejectItem, "desk").get();
                case "workflowThreads": {
                    List<String> order = new ArrayList<>();
                    CompletablePromise<String> handoff = Workflow.newPromise();
                    Promise<Void> consumer = Workflow.async(() -> {
                        order.add("consumer got " + handoff.get());
                    });
                    Promise<Void> producer = Workflow.async(() -> {
                        Workflow.sleep(Duration.ofMillis(20));
                        order.add("producer slept");
                        handoff.complete("parcel");
                    });
                    Promise.allOf(consumer, producer).get();
                    return String.join(", ", order);
                }
                default:
                    throw ApplicationFailure.newNonRetryableFailure("unknown scenario " + scenario, "Test");
            }
        }

        private static String describe(RuntimeException failure) {
            ActivityFailure activity = (ActivityFailure) failure;
            return activity.getActivityType() + "/" + ((ApplicationFailure) activity.getCause()).getType();
        }
    }

    public static class CatalogImpl implements Catalog {
        final CountDownLatch slowGate = new CountDownLatch(1);

        @Override
        public String fetch(String key) {
            if (key.equals("slow")) {
                try {
                    slowGate.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return "value of " + key;
        }

        @Override
        public int price(String item) {
            return item.length() * 100;
        }

        @Override
        public String rejectItem(String item) {
            throw ApplicationFailure.newNonRetryableFailure(item + " is out of stock", "OutOfStock");
        }
    }

    final CatalogImpl catalog = new CatalogImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(FanoutImpl.class)
            .registerActivitiesImplementations(catalog)
            .build();

    private String run(String workflowId, String scenario) {
        return env.newWorkflowStub(Fanout.class, workflowId).run(scenario);
    }

    @Test
    void allOfWaitsForActivitiesRunningInParallel() {
        assertThat(run("async-1", "allOf")).isEqualTo("value of a+value of b");
    }

    @Test
    void parallelActivitiesAreBothScheduledBeforeEitherCompletes() {
        run("async-2", "allOf");

        History history = env.history("async-2");
        assertThat(Events.scheduledActivities(history)).containsExactly("fetch", "fetch");
        assertThat(Events.lastIndexOf(history, ActivityTaskScheduled))
                .isLessThan(Events.firstIndexOf(history, ActivityTaskCompleted));
        assertThat(Events.ofType(history, ActivityTaskScheduledAttributes.class))
                .extracting(scheduled -> scheduled.input().toJson()).containsExactly("[\"a\"]", "[\"b\"]");
    }

    @Test
    void anyOfCompletesWithTheFirstActivityToFinish() {
        assertThat(run("async-3", "anyOf")).isEqualTo("value of fast");

        catalog.slowGate.countDown();
        assertThat(Events.ofType(env.history("async-3"), ActivityTaskCompleted)).hasSize(1);
    }

    @Test
    void thenApplyTransformsTheResultOfAnActivity() {
        assertThat(run("async-4", "thenApply")).isEqualTo("doubled 800");
    }

    @Test
    void failureOfAnActivityPassesThroughThenApplyToGet() {
        assertThat(run("async-5", "failureThroughThenApply")).isEqualTo("caught rejectItem/OutOfStock");
    }

    @Test
    void handleTurnsTheFailureOfAnActivityIntoAValue() {
        assertThat(run("async-6", "failureHandled")).isEqualTo("handled rejectItem/OutOfStock");
    }

    @Test
    void allOfFailsWithTheFailureOfOneOfItsPromises() {
        assertThat(run("async-7", "allOfFailure")).isEqualTo("allOf failed with rejectItem/OutOfStock");
    }

    @Test
    void uncaughtFailureOfAPromiseFailsTheWorkflow() {
        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                () -> run("async-8", "uncaughtFailure"));

        assertThat(e.getCause()).isInstanceOf(ActivityFailure.class);
        assertThat(((ApplicationFailure) e.getCause().getCause()).getOriginalMessage())
                .isEqualTo("desk is out of stock");
        assertThat(env.history("async-8").getLastEvent().getEventType()).isEqualTo(WorkflowExecutionFailed);
    }

    @Test
    void workflowThreadsHandOffAValueThroughACompletablePromise() {
        assertThat(run("async-9", "workflowThreads")).isEqualTo("producer slept, consumer got parcel");

        assertThat(Events.single(env.history("async-9"), TimerStartedAttributes.class).duration())
                .isEqualTo(Duration.ofMillis(20));
    }
}
