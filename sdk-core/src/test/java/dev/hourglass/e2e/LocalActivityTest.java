package dev.hourglass.e2e;

import static dev.hourglass.history.EventType.MarkerRecorded;
import static dev.hourglass.history.EventType.TimerFired;
import static dev.hourglass.history.EventType.TimerStarted;
import static dev.hourglass.history.EventType.WorkflowExecutionCompleted;
import static dev.hourglass.history.EventType.WorkflowExecutionStarted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInfo;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.client.WorkflowFailedException;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.history.History;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.Async;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LocalActivityTest {

    @ActivityInterface
    public interface Greetings {
        String greet(String name);

        String failTwice(String name);

        String failOnce(String name);

        String refuse(String name);

        String hang(String name);
    }

    /** Counts the attempts of each activity; a fresh instance per test. */
    public static class GreetingsImpl implements Greetings {
        final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

        private int count(String activity) {
            return calls.computeIfAbsent(activity, a -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public String greet(String name) {
            count("greet");
            ActivityInfo info = Activity.getExecutionContext().getInfo();
            return "hello " + name + (info.isLocal() ? " (local)" : " (remote)");
        }

        @Override
        public String failTwice(String name) {
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            count("failTwice");
            if (attempt < 3) {
                throw ApplicationFailure.newFailure("attempt " + attempt + " failed", "Flaky");
            }
            return name + " at attempt " + attempt;
        }

        @Override
        public String failOnce(String name) {
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            count("failOnce");
            if (attempt < 2) {
                throw ApplicationFailure.newFailure("attempt " + attempt + " failed", "Flaky");
            }
            return name + " at attempt " + attempt;
        }

        @Override
        public String refuse(String name) {
            count("refuse");
            throw ApplicationFailure.newNonRetryableFailure("no greeting for " + name, "Refused");
        }

        @Override
        public String hang(String name) {
            count("hang");
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "too late";
        }
    }

    @WorkflowInterface
    public interface Greeter {
        @WorkflowMethod
        String run(String scenario);
    }

    public static class GreeterImpl implements Greeter {
        private static Greetings stub(Duration threshold, Duration initialInterval, int attempts) {
            return Workflow.newLocalActivityStub(Greetings.class, LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMillis(300))
                    .setLocalRetryThreshold(threshold)
                    .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(initialInterval)
                            .setMaximumAttempts(attempts).build())
                    .build());
        }

        @Override
        public String run(String scenario) {
            Greetings local = stub(Duration.ofMinutes(1), Duration.ofMillis(10), 5);
            switch (scenario) {
                case "greet":
                    return local.greet("ada");
                case "failTwice":
                    return local.failTwice("ada");
                case "beyondThreshold":
                    return stub(Duration.ofMillis(50), Duration.ofMillis(200), 5).failOnce("ada");
                case "refuse":
                    return local.refuse("ada");
                case "several":
                    return local.greet("ada") + ", " + local.greet("bob") + ", " + local.greet("cy");
                case "async":
                    Promise<String> first = Async.function(local::greet, "ada");
                    Promise<String> second = Async.function(local::greet, "bob");
                    return first.get() + ", " + second.get();
                case "hang":
                    return stub(Duration.ofMinutes(1), Duration.ofMillis(10), 1).hang("ada");
                default:
                    throw new IllegalArgumentException(scenario);
            }
        }
    }

    final GreetingsImpl greetings = new GreetingsImpl();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(GreeterImpl.class)
            .registerActivitiesImplementations(greetings)
            .build();

    private String run(String workflowId, String scenario) {
        return env.newWorkflowStub(Greeter.class, workflowId).run(scenario);
    }

    private static JsonNode details(MarkerRecordedAttributes marker) {
        return JsonPayload.node(marker.details());
    }

    @Test
    void localActivityResultComesBackToTheWorkflow() {
        assertThat(run("la-result", "greet")).isEqualTo("hello ada (local)");
    }

    @Test
    void localActivityRunsWithinTheWorkflowTaskAndIsRecordedInALocalActivityMarker() {
        run("la-marker", "greet");

        History history = env.history("la-marker");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, MarkerRecorded,
                WorkflowExecutionCompleted);
        MarkerRecordedAttributes marker = Events.single(history, MarkerRecordedAttributes.class);
        assertThat(marker.markerName()).isEqualTo("LocalActivity");
        assertThat(marker.markerId()).isEqualTo("1");
        assertThat(details(marker).get("activityType").asText()).isEqualTo("greet");
        assertThat(details(marker).get("attempt").asInt()).isEqualTo(1);
        assertThat(details(marker).get("input").get(0).asText()).isEqualTo("ada");
        assertThat(details(marker).get("result").asText()).isEqualTo("hello ada (local)");
    }

    @Test
    void replayReturnsTheRecordedResultWithoutRunningTheActivityAgain() {
        run("la-replay", "greet");
        assertThat(greetings.calls.get("greet")).hasValue(1);

        Replayer.replay(env.history("la-replay"), true, GreeterImpl.class);

        assertThat(greetings.calls.get("greet")).hasValue(1);
    }

    @Test
    void failingAttemptsAreRetriedLocallyWithinTheTaskUntilOneSucceeds() {
        assertThat(run("la-local-retry", "failTwice")).isEqualTo("ada at attempt 3");

        History history = env.history("la-local-retry");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, MarkerRecorded,
                WorkflowExecutionCompleted);
        assertThat(details(Events.single(history, MarkerRecordedAttributes.class)).get("attempt").asInt())
                .isEqualTo(3);
        assertThat(greetings.calls.get("failTwice")).hasValue(3);
    }

    @Test
    void retriesBeyondTheLocalRetryThresholdWaitOnAWorkflowTimer() {
        assertThat(run("la-timer-retry", "beyondThreshold")).isEqualTo("ada at attempt 2");

        History history = env.history("la-timer-retry");
        assertThat(Events.types(history)).containsExactly(WorkflowExecutionStarted, MarkerRecorded, TimerStarted,
                TimerFired, MarkerRecorded, WorkflowExecutionCompleted);
        List<MarkerRecordedAttributes> markers = Events.ofType(history, MarkerRecordedAttributes.class);
        assertThat(details(markers.get(0)).get("failure").get("message").asText()).isEqualTo("attempt 1 failed");
        assertThat(details(markers.get(0)).get("backoff").asText()).isEqualTo("PT0.2S");
        assertThat(details(markers.get(1)).get("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void nonRetryableFailureReachesTheWorkflowAsAnActivityFailure() {
        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class,
                () -> run("la-refuse", "refuse"));

        assertThat(e.getCause()).isInstanceOfSatisfying(ActivityFailure.class, failure -> {
            assertThat(failure.getActivityType()).isEqualTo("refuse");
            assertThat(failure.getAttempt()).isEqualTo(1);
        });
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(ApplicationFailure.class, cause -> {
            assertThat(cause.getType()).isEqualTo("Refused");
            assertThat(cause.getOriginalMessage()).isEqualTo("no greeting for ada");
        });
        assertThat(greetings.calls.get("refuse")).hasValue(1);
    }

    @Test
    void severalLocalActivitiesRunInOneWorkflowTask() {
        assertThat(run("la-several", "several")).isEqualTo("hello ada (local), hello bob (local), hello cy (local)");

        assertThat(Events.types(env.history("la-several"))).containsExactly(WorkflowExecutionStarted,
                MarkerRecorded, MarkerRecorded, MarkerRecorded, WorkflowExecutionCompleted);
    }

    @Test
    void asyncFunctionRunsLocalActivitiesWithoutBlockingTheCaller() {
        assertThat(run("la-async", "async")).isEqualTo("hello ada (local), hello bob (local)");

        List<MarkerRecordedAttributes> markers = Events.ofType(env.history("la-async"),
                MarkerRecordedAttributes.class);
        assertThat(markers).extracting(MarkerRecordedAttributes::markerId).containsExactly("1", "2");
    }

    @Test
    void attemptRunningPastItsStartToCloseTimeoutFailsWithATimeout() {
        WorkflowFailedException e = catchThrowableOfType(WorkflowFailedException.class, () -> run("la-hang", "hang"));

        assertThat(e.getCause()).isInstanceOf(ActivityFailure.class);
        assertThat(e.getCause().getCause()).isInstanceOfSatisfying(TimeoutFailure.class,
                timeout -> assertThat(timeout.getTimeoutType()).isEqualTo(TimeoutType.START_TO_CLOSE));
    }
}
