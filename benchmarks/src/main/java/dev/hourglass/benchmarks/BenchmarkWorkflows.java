package dev.hourglass.benchmarks;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The workflows and activities the benchmarks run: small on purpose, so that the engine's cost shows. */
public final class BenchmarkWorkflows {

    private static final ActivityOptions ACTIVITY_OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10)).build();

    private BenchmarkWorkflows() {
    }

    /** The workflow and activity classes to register on a benchmark worker. */
    static Class<?>[] workflowTypes() {
        return new Class<?>[] {TransferImpl.class, StepsImpl.class, LongSleepImpl.class, ManyActivitiesImpl.class,
                ManyTimersImpl.class};
    }

    /** Account activities: they only count calls, so the engine's own cost is what gets measured. */
    @ActivityInterface
    public interface Accounts {
        void withdraw(String account, long cents);

        void deposit(String account, long cents);

        int step(int index);
    }

    /** Accounts that do nothing but count. */
    public static final class CountingAccounts implements Accounts {
        private final AtomicLong calls = new AtomicLong();

        @Override
        public void withdraw(String account, long cents) {
            calls.incrementAndGet();
        }

        @Override
        public void deposit(String account, long cents) {
            calls.incrementAndGet();
        }

        @Override
        public int step(int index) {
            calls.incrementAndGet();
            return index;
        }

        /** How many activity calls ran. */
        public long calls() {
            return calls.get();
        }
    }

    /** A money transfer: withdraw, hold for three days, deposit. */
    @WorkflowInterface
    public interface Transfer {
        @WorkflowMethod
        long transfer(String from, String to, long cents);
    }

    /** Implements {@link Transfer}. */
    public static class TransferImpl implements Transfer {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class, ACTIVITY_OPTIONS);

        @Override
        public long transfer(String from, String to, long cents) {
            accounts.withdraw(from, cents);
            Workflow.sleep(Duration.ofDays(3));
            accounts.deposit(to, cents);
            return cents;
        }
    }

    /** A number of steps, each an activity followed by a one-day sleep. */
    @WorkflowInterface
    public interface Steps {
        @WorkflowMethod
        int run(int steps);
    }

    /** Implements {@link Steps}. */
    public static class StepsImpl implements Steps {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class, ACTIVITY_OPTIONS);

        @Override
        public int run(int steps) {
            int sum = 0;
            for (int i = 0; i < steps; i++) {
                sum += accounts.step(i);
                Workflow.sleep(Duration.ofDays(1));
            }
            return sum;
        }
    }

    /** Sleeps for a number of days and returns it. */
    @WorkflowInterface
    public interface LongSleep {
        @WorkflowMethod
        int sleep(int days);
    }

    /** Implements {@link LongSleep}. */
    public static class LongSleepImpl implements LongSleep {
        @Override
        public int sleep(int days) {
            Workflow.sleep(Duration.ofDays(days));
            return days;
        }
    }

    /** Runs a number of activities one after the other: a long history to replay. */
    @WorkflowInterface
    public interface ManyActivities {
        @WorkflowMethod
        int run(int activities);
    }

    /** Implements {@link ManyActivities}. */
    public static class ManyActivitiesImpl implements ManyActivities {
        private final Accounts accounts = Workflow.newActivityStub(Accounts.class, ACTIVITY_OPTIONS);

        @Override
        public int run(int activities) {
            int sum = 0;
            for (int i = 0; i < activities; i++) {
                sum += accounts.step(i);
            }
            return sum;
        }
    }

    /** Sleeps a number of times, one minute each: a long history of timers to replay. */
    @WorkflowInterface
    public interface ManyTimers {
        @WorkflowMethod
        int run(int timers);
    }

    /** Implements {@link ManyTimers}. */
    public static class ManyTimersImpl implements ManyTimers {
        @Override
        public int run(int timers) {
            for (int i = 0; i < timers; i++) {
                Workflow.sleep(Duration.ofMinutes(1));
            }
            return timers;
        }
    }
}
