package dev.hourglass.testing.cancellation;

import dev.hourglass.failure.CanceledFailure;
import dev.hourglass.failure.ChildWorkflowFailure;
import dev.hourglass.workflow.Async;
import dev.hourglass.workflow.CancellationScope;
import dev.hourglass.workflow.ChildWorkflowCancellationType;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A dispatch that cancels the delivery it started as a child workflow: the delivery takes an hour, and when asked
 * to cancel it spends ten minutes bringing the parcel back before it ends canceled (or, for a parcel marked
 * {@code stubborn}, delivers anyway). After canceling, the dispatch reports what its promise gave and then sleeps
 * two hours, so that the parent's history shows whether the code went on before or after the request reached the
 * child, or the child closed.
 */
public final class Dispatch {

    /** The hour a delivery takes. */
    public static final Duration DELIVERY = Duration.ofHours(1);
    /** How long a canceled delivery takes to bring its parcel back. */
    public static final Duration RETURN = Duration.ofMinutes(10);
    /** How long the dispatch waits after its child's promise settled, before it returns. */
    public static final Duration AFTERWARDS = Duration.ofHours(2);

    private Dispatch() {
    }

    @WorkflowInterface
    public interface Delivering {
        @WorkflowMethod
        String deliver(String parcel);
    }

    public static class DeliveringImpl implements Delivering {
        @Override
        public String deliver(String parcel) {
            try {
                Workflow.sleep(DELIVERY);
                return "delivered " + parcel;
            } catch (CanceledFailure e) {
                if (parcel.startsWith("stubborn")) {
                    return "delivered " + parcel + " anyway";
                }
                Workflow.newDetachedCancellationScope(() -> Workflow.sleep(RETURN)).run();
                throw e;
            }
        }
    }

    @WorkflowInterface
    public interface Dispatching {
        /**
         * Starts the delivery of {@code parcel} as a child of {@code cancellationType} and cancels its scope:
         * {@code "after-start"} a minute later, {@code "same-task"} right after starting it, {@code "before"}
         * before starting it.
         */
        @WorkflowMethod
        String dispatch(String cancellationType, String parcel, String when);
    }

    public static class DispatchingImpl implements Dispatching {
        private boolean calling;

        /** The cancellation type the child is started with. */
        protected ChildWorkflowCancellationType cancellationType(String requested) {
            return ChildWorkflowCancellationType.valueOf(requested);
        }

        @Override
        public String dispatch(String requested, String parcel, String when) {
            Delivering delivery = Workflow.newChildWorkflowStub(Delivering.class, ChildWorkflowOptions.newBuilder()
                    .setWorkflowId(Workflow.getInfo().getWorkflowId() + "-delivery")
                    .setCancellationType(cancellationType(requested))
                    .build());
            List<Promise<String>> delivered = new ArrayList<>();
            CancellationScope scope = Workflow.newCancellationScope(() -> delivered.add(Async.function(() -> {
                calling = true;
                return delivery.deliver(parcel);
            })));
            if (when.equals("before")) {
                scope.cancel();
            }
            scope.run();
            if (when.equals("after-start")) {
                Workflow.sleep(Duration.ofMinutes(1));
            } else if (when.equals("same-task")) {
                Workflow.await(() -> calling); // the start command is produced, in this same task
            }
            scope.cancel();
            String outcome;
            try {
                outcome = "completed: " + delivered.get(0).get();
            } catch (ChildWorkflowFailure e) {
                outcome = "ChildWorkflowFailure caused by " + e.getCause().getClass().getSimpleName();
            } catch (CanceledFailure e) {
                outcome = "CanceledFailure";
            }
            Workflow.sleep(AFTERWARDS);
            return outcome;
        }
    }

    /** The same workflow, with a child of one cancellation type whatever the input says (for replay). */
    public static class AbandoningDispatch extends DispatchingImpl {
        @Override
        protected ChildWorkflowCancellationType cancellationType(String requested) {
            return ChildWorkflowCancellationType.ABANDON;
        }
    }

    /** See {@link AbandoningDispatch}. */
    public static class TryCancelDispatch extends DispatchingImpl {
        @Override
        protected ChildWorkflowCancellationType cancellationType(String requested) {
            return ChildWorkflowCancellationType.TRY_CANCEL;
        }
    }

    /** See {@link AbandoningDispatch}. */
    public static class RequestWaitingDispatch extends DispatchingImpl {
        @Override
        protected ChildWorkflowCancellationType cancellationType(String requested) {
            return ChildWorkflowCancellationType.WAIT_CANCELLATION_REQUESTED;
        }
    }

    /** See {@link AbandoningDispatch}. */
    public static class CompletionWaitingDispatch extends DispatchingImpl {
        @Override
        protected ChildWorkflowCancellationType cancellationType(String requested) {
            return ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED;
        }
    }
}
