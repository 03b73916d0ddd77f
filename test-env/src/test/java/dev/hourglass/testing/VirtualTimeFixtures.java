package dev.hourglass.testing;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Workflows and activities of the virtual-time tests: sleepers, signal receivers, retried and slow activities. */
public final class VirtualTimeFixtures {

    /** The backoff of {@link RetryingImpl}: 1 h, then 2 h, at most three attempts. */
    public static final RetryPolicy HOURLY_BACKOFF = RetryPolicy.newBuilder()
            .setInitialInterval(Duration.ofHours(1))
            .setBackoffCoefficient(2)
            .setMaximumAttempts(3)
            .build();

    /** The heartbeat timeout of {@link HeartbeatingImpl}. */
    public static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(1);

    /** How long (real time) a hung attempt of {@link Probe#hangOnFirstAttempt()} waits before giving up. */
    public static final Duration HANG_BOUND = Duration.ofSeconds(3);

    private VirtualTimeFixtures() {
    }

    /** Formats the virtual time elapsed since {@code sinceMillis} the way the fixtures report it. */
    static String after(long sinceMillis, long nowMillis) {
        return "after " + Duration.ofMillis(nowMillis - sinceMillis);
    }

    // ---------------------------------------------------------------- activities

    /** Activities that observe the virtual clock of the environment they run in. */
    @ActivityInterface
    public interface Probe {
        /** Records and returns the virtual time the attempt runs at. */
        long observe(String label);

        /** Sleeps {@code millis} of real time, then returns the virtual time. */
        long dawdle(long millis);

        /** Fails the first {@code failures} attempts; records the virtual time of every attempt. */
        int failTimes(int failures);

        /** Heartbeats once, then stops heartbeating and hangs on the first attempt; later attempts succeed. */
        int hangOnFirstAttempt();
    }

    /** The {@link Probe} over an environment's virtual clock, recording what it saw. */
    public static final class ClockProbe implements Probe {
        private final LongSupplier clock;
        /** Labels observed, in the order the attempts ran. */
        final List<String> labels = new CopyOnWriteArrayList<>();
        /** Virtual times of the attempts of {@link #failTimes}, in order. */
        final List<Long> attemptTimes = new CopyOnWriteArrayList<>();
        /** Released by the test to end a hung attempt. */
        final CountDownLatch release = new CountDownLatch(1);

        ClockProbe(LongSupplier clock) {
            this.clock = clock;
        }

        @Override
        public long observe(String label) {
            labels.add(label);
            return clock.getAsLong();
        }

        @Override
        public long dawdle(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return clock.getAsLong();
        }

        @Override
        public int failTimes(int failures) {
            attemptTimes.add(clock.getAsLong());
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            if (attempt <= failures) {
                throw ApplicationFailure.newFailure("attempt " + attempt + " fails on purpose", "Flaky");
            }
            return attempt;
        }

        @Override
        public int hangOnFirstAttempt() {
            ActivityExecutionContext context = Activity.getExecutionContext();
            int attempt = context.getInfo().getAttempt();
            attemptTimes.add(clock.getAsLong());
            context.heartbeat(attempt);
            if (attempt == 1) {
                try {
                    release.await(HANG_BOUND.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return attempt;
        }
    }

    // ---------------------------------------------------------------- workflows

    /** Sleeps, then returns the virtual time it woke at. */
    @WorkflowInterface
    public interface Sleeper {
        @WorkflowMethod
        long sleep(Duration duration);
    }

    /** The {@link Sleeper}'s implementation. */
    public static class SleeperImpl implements Sleeper {
        @Override
        public long sleep(Duration duration) {
            Workflow.sleep(duration);
            return Workflow.currentTimeMillis();
        }
    }

    /** Runs an activity with a 10 s start-to-close timeout, then sleeps; returns the virtual time elapsed. */
    @WorkflowInterface
    public interface ActivityThenSleep {
        @WorkflowMethod
        String run(Duration sleep);
    }

    /** The {@link ActivityThenSleep}'s implementation. */
    public static class ActivityThenSleepImpl implements ActivityThenSleep {
        private final Probe probe = Workflow.newActivityStub(Probe.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String run(Duration sleep) {
            long start = Workflow.currentTimeMillis();
            probe.observe("before sleep");
            Workflow.sleep(sleep);
            return after(start, Workflow.currentTimeMillis());
        }
    }

    /** Sleeps, then returns the signals it received, each with the virtual time elapsed when it arrived. */
    @WorkflowInterface
    public interface Mailbox {
        @WorkflowMethod
        List<String> sleepThenRead(Duration sleep);

        @SignalMethod
        void post(String message);
    }

    /** The {@link Mailbox}'s implementation. */
    public static class MailboxImpl implements Mailbox {
        private final List<String> messages = new ArrayList<>();
        private final List<Long> arrivals = new ArrayList<>();

        @Override
        public List<String> sleepThenRead(Duration sleep) {
            long start = Workflow.currentTimeMillis();
            Workflow.sleep(sleep);
            List<String> received = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                received.add(messages.get(i) + " " + after(start, arrivals.get(i)));
            }
            received.add("woke " + after(start, Workflow.currentTimeMillis()));
            return received;
        }

        @Override
        public void post(String message) {
            messages.add(message);
            arrivals.add(Workflow.currentTimeMillis());
        }
    }

    /** Waits until opened, without deadline; returns the virtual time elapsed. */
    @WorkflowInterface
    public interface Gate {
        @WorkflowMethod
        String awaitOpen();

        @SignalMethod
        void open();
    }

    /** The {@link Gate}'s implementation. */
    public static class GateImpl implements Gate {
        private boolean open;

        @Override
        public String awaitOpen() {
            long start = Workflow.currentTimeMillis();
            Workflow.await(() -> open);
            return "opened " + after(start, Workflow.currentTimeMillis());
        }

        @Override
        public void open() {
            open = true;
        }
    }

    /** Waits until opened or the deadline passes; says which, and the virtual time elapsed. */
    @WorkflowInterface
    public interface TimedGate {
        @WorkflowMethod
        String awaitOpen(Duration deadline);

        @SignalMethod
        void open();
    }

    /** The {@link TimedGate}'s implementation. */
    public static class TimedGateImpl implements TimedGate {
        private boolean open;

        @Override
        public String awaitOpen(Duration deadline) {
            long start = Workflow.currentTimeMillis();
            boolean opened = Workflow.await(deadline, () -> open);
            return (opened ? "opened " : "timed out ") + after(start, Workflow.currentTimeMillis());
        }

        @Override
        public void open() {
            open = true;
        }
    }

    /** Runs a {@link Sleeper} child and returns the virtual time elapsed in the parent. */
    @WorkflowInterface
    public interface Parent {
        @WorkflowMethod
        String waitForChild(Duration childSleep);
    }

    /** The {@link Parent}'s implementation. */
    public static class ParentImpl implements Parent {
        @Override
        public String waitForChild(Duration childSleep) {
            long start = Workflow.currentTimeMillis();
            long childWoke = Workflow.newChildWorkflowStub(Sleeper.class).sleep(childSleep);
            return "child woke " + after(start, childWoke) + ", parent resumed " + after(start,
                    Workflow.currentTimeMillis());
        }
    }

    /** Runs {@link Probe#failTimes} with {@link #HOURLY_BACKOFF}; returns the attempt that succeeded. */
    @WorkflowInterface
    public interface Retrying {
        @WorkflowMethod
        int run(int failures);
    }

    /** The {@link Retrying}'s implementation. */
    public static class RetryingImpl implements Retrying {
        private final Probe probe = Workflow.newActivityStub(Probe.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryPolicy(HOURLY_BACKOFF)
                .build());

        @Override
        public int run(int failures) {
            return probe.failTimes(failures);
        }
    }

    /** Runs {@link Probe#hangOnFirstAttempt} with a heartbeat timeout; returns the attempt that succeeded. */
    @WorkflowInterface
    public interface Heartbeating {
        @WorkflowMethod
        int run();
    }

    /** The {@link Heartbeating}'s implementation. */
    public static class HeartbeatingImpl implements Heartbeating {
        private final Probe probe = Workflow.newActivityStub(Probe.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofHours(1))
                .setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                        .setMaximumAttempts(3).build())
                .build());

        @Override
        public int run() {
            return probe.hangOnFirstAttempt();
        }
    }

    /** Reads the virtual time around activities: scheduled at, seen by the activity, and after it. */
    @WorkflowInterface
    public interface ActivityClock {
        @WorkflowMethod
        List<Long> observe(Duration sleepFirst, long activityRealMillis);
    }

    /** The {@link ActivityClock}'s implementation. */
    public static class ActivityClockImpl implements ActivityClock {
        private final Probe probe = Workflow.newActivityStub(Probe.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public List<Long> observe(Duration sleepFirst, long activityRealMillis) {
            Workflow.sleep(sleepFirst);
            long scheduled = Workflow.currentTimeMillis();
            long seen = probe.dawdle(activityRealMillis);
            return List.of(scheduled, seen, Workflow.currentTimeMillis());
        }
    }

    /**
     * Exercises everything that reaches a history: an activity, a timer, a side effect, random values, a signal
     * and a child workflow.
     */
    @WorkflowInterface
    public interface Everything {
        @WorkflowMethod
        String run(int number);

        @SignalMethod
        void post(String message);
    }

    /** The {@link Everything}'s implementation. */
    public static class EverythingImpl implements Everything {
        private final Probe probe = Workflow.newActivityStub(Probe.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());
        private final List<String> messages = new ArrayList<>();

        @Override
        public String run(int number) {
            long seen = probe.observe("everything-" + number);
            Workflow.sleep(Duration.ofMinutes(10 + number));
            String effect = Workflow.sideEffect(String.class, () -> "effect-" + number);
            UUID uuid = Workflow.randomUUID();
            int dice = Workflow.newRandom().nextInt(1_000_000);
            Workflow.await(() -> !messages.isEmpty());
            long childWoke = Workflow.newChildWorkflowStub(Sleeper.class).sleep(Duration.ofHours(number + 1));
            return String.join(" ", String.valueOf(seen), effect, uuid.toString(), String.valueOf(dice),
                    messages.get(0), String.valueOf(childWoke));
        }

        @Override
        public void post(String message) {
            messages.add(message);
        }
    }

    /**
     * Sleeps a fixed hour (so that many executions wake at the same instant), optionally observes the clock in an
     * activity, and then runs a one-minute {@link Sleeper} child (whose timers again fire together).
     */
    @WorkflowInterface
    public interface Crowd {
        @WorkflowMethod
        long run(String name, boolean withActivity);
    }

    /** The {@link Crowd}'s implementation. */
    public static class CrowdImpl implements Crowd {
        private final Probe probe = Workflow.newActivityStub(Probe.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public long run(String name, boolean withActivity) {
            Workflow.sleep(Duration.ofHours(1));
            if (withActivity) {
                probe.observe(name);
            }
            return Workflow.newChildWorkflowStub(Sleeper.class).sleep(Duration.ofMinutes(1));
        }
    }
}
