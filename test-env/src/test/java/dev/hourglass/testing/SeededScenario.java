package dev.hourglass.testing;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.history.History;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded run that {@link CrossJvmDeterminismTest} starts in fresh JVMs: 20 executions started at once
 * without workflow ids, each drawing random numbers and a UUID from the {@code Workflow} API, recording a side
 * effect, sleeping, and calling an activity type that no worker registered (whose failure lists the types the
 * worker did register). It prints the seed and every history as JSON to standard output.
 */
public final class SeededScenario {

    static final String TASK_QUEUE = "cross-jvm";
    static final int EXECUTIONS = 20;

    private SeededScenario() {
    }

    /** A workflow that uses every source of randomness and identity the engine provides. */
    @WorkflowInterface
    public interface Dice {
        @WorkflowMethod
        String roll(int number);
    }

    /** Eight activity types, registered; the failure of an unregistered type lists them. */
    @ActivityInterface
    public interface Registered {
        String alpha(int value);

        String bravo(int value);

        String charlie(int value);

        String delta(int value);

        String echo(int value);

        String foxtrot(int value);

        String golf(int value);

        String hotel(int value);
    }

    /** An activity type that no worker registers. */
    @ActivityInterface
    public interface Unregistered {
        String teleport(int value);
    }

    /** Each registered activity names itself and its argument. */
    public static final class RegisteredImpl implements Registered {
        @Override
        public String alpha(int value) {
            return "alpha " + value;
        }

        @Override
        public String bravo(int value) {
            return "bravo " + value;
        }

        @Override
        public String charlie(int value) {
            return "charlie " + value;
        }

        @Override
        public String delta(int value) {
            return "delta " + value;
        }

        @Override
        public String echo(int value) {
            return "echo " + value;
        }

        @Override
        public String foxtrot(int value) {
            return "foxtrot " + value;
        }

        @Override
        public String golf(int value) {
            return "golf " + value;
        }

        @Override
        public String hotel(int value) {
            return "hotel " + value;
        }
    }

    /** Draws from the run's randomness, records a side effect, sleeps, and calls both kinds of activity. */
    public static class DiceImpl implements Dice {
        private final ActivityOptions once = ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build())
                .build();
        private final Registered registered = Workflow.newActivityStub(Registered.class, once);
        private final Unregistered unregistered = Workflow.newActivityStub(Unregistered.class, once);

        @Override
        public String roll(int number) {
            Random random = Workflow.newRandom();
            int drawn = random.nextInt(1_000_000);
            String uuid = Workflow.randomUUID().toString();
            String effect = Workflow.sideEffect(String.class, () -> "effect " + number * 7);
            Workflow.sleep(Duration.ofMinutes(1 + drawn % 60));
            String answer = drawn % 2 == 0 ? registered.alpha(drawn) : registered.hotel(drawn);
            String missing;
            try {
                missing = unregistered.teleport(number);
            } catch (ActivityFailure e) {
                missing = e.getCause().getMessage();
            }
            return number + " " + drawn + " " + uuid + " " + effect + " " + answer + " " + missing;
        }
    }

    /** Runs the scenario with the seed given as the only argument and prints what it recorded. */
    public static void main(String[] args) {
        long seed = Long.parseLong(args[0]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (String line : run(seed)) {
            out.println(line);
        }
    }

    /** Runs the scenario and returns the seed's line followed by the JSON of every history, in start order. */
    static List<String> run(long seed) {
        List<String> printed = new ArrayList<>();
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(
                TestEnvironmentOptions.newBuilder().setSeed(seed).build())) {
            Worker worker = env.newWorker(TASK_QUEUE);
            worker.registerWorkflowImplementationTypes(DiceImpl.class);
            worker.registerActivitiesImplementations(new RegisteredImpl());
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            List<WorkflowExecution> started = new ArrayList<>();
            for (int i = 0; i < EXECUTIONS; i++) {
                Dice dice = client.newWorkflowStub(Dice.class,
                        WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).build());
                started.add(WorkflowClient.start(dice::roll, i));
            }
            printed.add("seed " + env.getSeed());
            for (WorkflowExecution execution : started) {
                client.newUntypedWorkflowStub(execution.getWorkflowId()).getResult(String.class);
                History history = client.fetchHistory(execution.getWorkflowId());
                printed.add(history.toJson());
            }
        }
        return printed;
    }
}
