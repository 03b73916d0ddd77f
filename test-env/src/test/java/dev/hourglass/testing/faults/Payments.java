package dev.hourglass.testing.faults;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.ActivityTaskScheduledAttributes;
import dev.hourglass.history.ActivityTaskStartedAttributes;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A small payment for the fault tests: withdraw, hold an hour, deposit, then ask for a receipt (a failed receipt
 * does not fail the payment). The fake bank counts how often each activity ran; the workflow counts how often its
 * code started, so that a test sees executions rebuilt by replay.
 */
final class Payments {

    static final String QUEUE = "payments";
    static final Duration HOLD = Duration.ofHours(1);
    static final Duration START_TO_CLOSE = Duration.ofSeconds(10);
    static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    /** How often the code of each workflow id started: live, rebuilt after a crash, or in the self-check replay. */
    static final Map<String, Integer> CODE_STARTS = new ConcurrentHashMap<>();

    private Payments() {
    }

    @ActivityInterface
    public interface Bank {
        String withdraw(String account);

        String deposit(String account);

        String receipt(String account);
    }

    @WorkflowInterface
    public interface Payment {
        @WorkflowMethod
        String pay(String from, String to);

        @SignalMethod
        void note(String text);
    }

    public static class PaymentImpl implements Payment {
        private final Bank bank = Workflow.newActivityStub(Bank.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(START_TO_CLOSE)
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(FIRST_BACKOFF).setMaximumAttempts(4)
                        .build())
                .build());
        private final List<String> notes = new ArrayList<>();

        @Override
        public String pay(String from, String to) {
            CODE_STARTS.merge(Workflow.getInfo().getWorkflowId(), 1, Integer::sum);
            String withdrawn = bank.withdraw(from);
            Workflow.sleep(HOLD);
            String deposited = bank.deposit(to);
            String receipt;
            try {
                receipt = bank.receipt(to);
            } catch (ActivityFailure e) {
                receipt = "no receipt (" + ((ApplicationFailure) e.getCause()).getType() + ")";
            }
            return withdrawn + ", " + deposited + ", " + receipt + (notes.isEmpty() ? "" : ", notes " + notes);
        }

        @Override
        public void note(String text) {
            notes.add(text);
        }
    }

    /** A bank that always succeeds and counts the runs of each activity, in the order they ran. */
    public static class FakeBank implements Bank {
        private final List<String> runs = new ArrayList<>();

        @Override
        public synchronized String withdraw(String account) {
            runs.add("withdraw");
            return "withdrew from " + account;
        }

        @Override
        public synchronized String deposit(String account) {
            runs.add("deposit");
            return "deposited to " + account;
        }

        @Override
        public synchronized String receipt(String account) {
            runs.add("receipt");
            return "receipt for " + account;
        }

        /** How often the activity of {@code type} ran. */
        synchronized int runs(String type) {
            return (int) runs.stream().filter(type::equals).count();
        }
    }

    /** An environment of the seed and plan with a worker of the payment and {@code bank}, started. */
    static TestWorkflowEnvironment environment(long seed, FaultPlan plan, Object bank) {
        return environment(TestEnvironmentOptions.newBuilder().setSeed(seed).setFaultPlan(plan), bank,
                PaymentImpl.class);
    }

    static TestWorkflowEnvironment environment(TestEnvironmentOptions.Builder options, Object activities,
            Class<?>... workflows) {
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options.build());
        Worker worker = env.newWorker(QUEUE);
        worker.registerWorkflowImplementationTypes(workflows);
        worker.registerActivitiesImplementations(activities);
        env.start();
        return env;
    }

    static <T> T stub(TestWorkflowEnvironment env, Class<T> type, String workflowId) {
        return env.getWorkflowClient().newWorkflowStub(type, WorkflowOptions.newBuilder().setTaskQueue(QUEUE)
                .setWorkflowId(workflowId).build());
    }

    /** Runs a payment of {@code workflowId} to its end and returns its result. */
    static String pay(TestWorkflowEnvironment env, String workflowId) {
        return stub(env, Payment.class, workflowId).pay("alice", "bob");
    }

    /** What happened in one environment: the result and the history of a payment, and the bank's runs. */
    record Run(String result, History history, FakeBank bank) {
        /** The {@code ActivityTaskStarted} event of the activity of {@code type}: its last attempt. */
        HistoryEvent startedEventOf(String type) {
            List<HistoryEvent> events = history.getEvents();
            String activityId = events.stream()
                    .filter(event -> event.getEventType() == EventType.ActivityTaskScheduled)
                    .map(event -> event.getAttributes(ActivityTaskScheduledAttributes.class))
                    .filter(scheduled -> scheduled.activityType().equals(type))
                    .map(ActivityTaskScheduledAttributes::activityId)
                    .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + history.toJson()));
            return events.stream().filter(event -> event.getEventType() == EventType.ActivityTaskStarted)
                    .filter(event -> event.getAttributes(ActivityTaskStartedAttributes.class).activityId()
                            .equals(activityId))
                    .findFirst().orElseThrow(() -> new AssertionError(type + " never started in " + history.toJson()));
        }

        /** The attempt that ended the activity of {@code type}. */
        int lastAttemptOf(String type) {
            return startedEventOf(type).getAttributes(ActivityTaskStartedAttributes.class).attempt();
        }

        /** The event that ended the activity of {@code type}, recorded right after its started event. */
        HistoryEvent outcomeOf(String type) {
            return history.getEvents().get((int) startedEventOf(type).getEventId()); // event ids count from 1
        }

        /** The virtual time of the first event of {@code type}. */
        Instant timeOf(EventType type) {
            return history.getEvents().stream().filter(event -> event.getEventType() == type).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " in " + history.toJson()))
                    .getEventTime();
        }
    }

    /** Runs one payment in a fresh environment of the seed and plan, then closes the environment (self-check). */
    static Run run(long seed, FaultPlan plan, String workflowId) {
        return run(seed, plan, workflowId, env -> { });
    }

    static Run run(long seed, FaultPlan plan, String workflowId, Consumer<TestWorkflowEnvironment> beforeStart) {
        FakeBank bank = new FakeBank();
        TestWorkflowEnvironment env = environment(seed, plan, bank);
        try {
            beforeStart.accept(env);
            String result = pay(env, workflowId);
            WorkflowClient client = env.getWorkflowClient();
            return new Run(result, client.fetchHistory(workflowId), bank);
        } finally {
            env.close();
        }
    }
}
