package dev.hourglass.internal.spi;

import dev.hourglass.common.WorkflowIdReusePolicy;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionFailedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.common.CronSchedule;
import java.time.Duration;
import java.time.Instant;

/**
 * How the services run a workflow on a cron schedule: one run per fire time, each a run of the same workflow id that
 * the service starts when the previous one closes, its first workflow task due at the schedule's next fire time.
 *
 * <p>A run that completes or fails starts the next run; its closing event names that run
 * ({@code newExecutionRunId}). A run that is canceled, terminated or times out ends the chain. A run that continues
 * as new passes the schedule on to the run it continues as.
 */
public final class CronRuns {

    private CronRuns() {
    }

    /** Whether a run that started with {@code started} and closes with {@code closing} starts the next run. */
    public static boolean continuesChain(WorkflowExecutionStartedAttributes started, EventAttributes closing) {
        return started.cronSchedule() != null && (closing instanceof WorkflowExecutionCompletedAttributes
                || closing instanceof WorkflowExecutionFailedAttributes);
    }

    /** The closing event of a run that {@link #continuesChain continues its chain}, naming the next run. */
    public static EventAttributes naming(EventAttributes closing, String newRunId) {
        if (closing instanceof WorkflowExecutionCompletedAttributes completed) {
            return completed.withNewExecutionRunId(newRunId);
        }
        return ((WorkflowExecutionFailedAttributes) closing).withNewExecutionRunId(newRunId);
    }

    /**
     * The first run of a cron schedule: {@code request}, its first workflow task due at the schedule's first fire
     * time after {@code now}.
     */
    public static StartWorkflowRequest first(StartWorkflowRequest request, Instant now) {
        return request.withStartDelay(untilNextFire(request.cronSchedule(), now));
    }

    /**
     * The next run of a chain whose run (started with {@code started}) closed with {@code closing} at
     * {@code closeTime}: the same workflow, input, task queue and parent, its first workflow task due at the
     * schedule's first fire time after the close.
     *
     * @param parentChildId the parent's id of the child command, for a chain of a child workflow; else {@code null}
     */
    public static StartWorkflowRequest next(String workflowId, WorkflowExecutionStartedAttributes started,
            String parentChildId, EventAttributes closing, Instant closeTime) {
        Payload lastResult = closing instanceof WorkflowExecutionCompletedAttributes completed ? completed.result()
                : started.lastCompletionResult();
        return new StartWorkflowRequest(workflowId, started.workflowType(), started.taskQueue(), started.input(),
                WorkflowIdReusePolicy.ALLOW_DUPLICATE, null, started.parentWorkflowId(), started.parentRunId(),
                parentChildId, null, untilNextFire(started.cronSchedule(), closeTime), started.cronSchedule(),
                lastResult, started.searchAttributes(), started.memo());
    }

    private static Duration untilNextFire(String schedule, Instant after) {
        return Duration.between(after, CronSchedule.parse(schedule).nextAfter(after));
    }
}
