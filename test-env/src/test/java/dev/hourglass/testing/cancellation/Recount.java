package dev.hourglass.testing.cancellation;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityCancellationType;
import dev.hourglass.client.ActivityCompletionException;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.workflow.CancellationScope;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A stock recount that a workflow cancels on a signal: the activity heartbeats until it is told to stop or
 * released by the test; the workflow reports what its promise gave, then notes it with a second activity, so
 * that the history shows whether the workflow went on before or after the activity stopped.
 */
public final class Recount {

    private Recount() {
    }

    @ActivityInterface
    public interface Stock {
        /** Heartbeats until a heartbeat throws or the test releases it. */
        String recount();

        String note(String outcome);
    }

    /** What the activity saw; fresh per test. */
    public static final class StockImpl implements Stock {
        public final CountDownLatch heartbeating = new CountDownLatch(1);
        public final CountDownLatch release = new CountDownLatch(1);
        public final CompletableFuture<Throwable> stoppedBy = new CompletableFuture<>();
        public final List<String> notes = new ArrayList<>();

        @Override
        public String recount() {
            long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < giveUp) {
                try {
                    Activity.getExecutionContext().heartbeat("counting");
                } catch (ActivityCompletionException e) {
                    stoppedBy.complete(e);
                    throw e;
                }
                heartbeating.countDown();
                if (release.getCount() == 0) {
                    stoppedBy.complete(null);
                    return "recounted";
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
            return "never stopped";
        }

        @Override
        public synchronized String note(String outcome) {
            notes.add(outcome);
            return outcome;
        }
    }

    @WorkflowInterface
    public interface Recounting {
        /** Recounts with an activity of {@code cancellationType}, cancels it on {@link #stop}, ends on {@link #finish}. */
        @WorkflowMethod
        String run(String cancellationType);

        @SignalMethod
        void stop();

        @SignalMethod
        void finish();
    }

    public static class RecountingImpl implements Recounting {
        private boolean stopped;
        private boolean finished;

        /** The cancellation type the activity is called with. */
        protected ActivityCancellationType cancellationType(String requested) {
            return ActivityCancellationType.valueOf(requested);
        }

        @Override
        public String run(String requested) {
            Stock stock = Workflow.newActivityStub(Stock.class, ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(5))
                    .setHeartbeatTimeout(Duration.ofMinutes(1))
                    .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build())
                    .setCancellationType(cancellationType(requested))
                    .build());
            List<Promise<String>> recount = new ArrayList<>();
            CancellationScope scope = Workflow.newCancellationScope(
                    () -> recount.add(Workflow.async(stock::recount)));
            scope.run();
            Workflow.await(() -> stopped);
            scope.cancel();
            String outcome;
            try {
                outcome = "completed: " + recount.get(0).get();
            } catch (ActivityFailure e) {
                outcome = "ActivityFailure caused by " + e.getCause().getClass().getSimpleName();
            }
            stock.note(outcome);
            Workflow.await(() -> finished);
            return outcome;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    /** The same workflow, with activities of one cancellation type whatever the input says (for replay). */
    public static class TryCancelRecounting extends RecountingImpl {
        @Override
        protected ActivityCancellationType cancellationType(String requested) {
            return ActivityCancellationType.TRY_CANCEL;
        }
    }

    /** See {@link TryCancelRecounting}. */
    public static class WaitingRecounting extends RecountingImpl {
        @Override
        protected ActivityCancellationType cancellationType(String requested) {
            return ActivityCancellationType.WAIT_CANCELLATION_COMPLETED;
        }
    }

    /** See {@link TryCancelRecounting}. */
    public static class AbandoningRecounting extends RecountingImpl {
        @Override
        protected ActivityCancellationType cancellationType(String requested) {
            return ActivityCancellationType.ABANDON;
        }
    }
}
