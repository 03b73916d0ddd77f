package dev.hourglass.testing.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One fault of a {@link FaultPlan}: what goes wrong, and where. Made by the methods of {@link FaultPlan.Builder};
 * an immutable value.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Fault {

    /** The kinds of fault, from the simplest to the most disruptive (the order shrinking prefers). */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Kind {
        /** An activity attempt takes longer, in virtual time, before its implementation runs. */
        DELAY_ACTIVITY,
        /** An activity attempt fails with a retryable failure before its implementation runs. */
        FAIL_ACTIVITY,
        /** An activity attempt fails with a non-retryable failure of a given type before its implementation runs. */
        FAIL_ACTIVITY_NON_RETRYABLE,
        /** An activity attempt is never delivered to a worker: it times out (start-to-close) and is retried. */
        TIME_OUT_ACTIVITY,
        /** An activity attempt runs, but its completion is lost: it times out and is retried. */
        LOSE_ACTIVITY_COMPLETION,
        /** A signal is delivered at a virtual time, counted from the start of the environment's clock. */
        SIGNAL_AT,
        /** The worker dies after its n-th workflow task: cached executions are rebuilt by replay. */
        CRASH_WORKER_AFTER_WORKFLOW_TASK
    }

    /** The canonical order of faults in a plan: by kind, then by what they are about. */
    static final Comparator<Fault> ORDER = Comparator.comparing(Fault::getKind)
            .thenComparing(fault -> fault.activityType == null ? "" : fault.activityType)
            .thenComparingInt(fault -> fault.attempt)
            .thenComparing(fault -> fault.workflowId == null ? "" : fault.workflowId)
            .thenComparing(fault -> fault.at == null ? Duration.ZERO : fault.at)
            .thenComparingInt(fault -> fault.workflowTask)
            .thenComparing(Fault::toString);

    private final Kind kind;
    private final String activityType;
    private final int attempt;
    private final String failureType;
    private final Duration delay;
    private final int workflowTask;
    private final String workflowId;
    private final Duration at;
    private final String signalName;
    private final List<Object> signalArgs;

    private Fault(Kind kind, String activityType, int attempt, String failureType, Duration delay, int workflowTask,
            String workflowId, Duration at, String signalName, List<Object> signalArgs) {
        this.kind = kind;
        this.activityType = activityType;
        this.attempt = attempt;
        this.failureType = failureType;
        this.delay = delay;
        this.workflowTask = workflowTask;
        this.workflowId = workflowId;
        this.at = at;
        this.signalName = signalName;
        this.signalArgs = signalArgs;
    }

    static Fault activity(Kind kind, String activityType, int attempt, String failureType, Duration delay) {
        requireText(activityType, "activityType");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more (the first attempt is 1), not " + attempt);
        }
        return new Fault(kind, activityType, attempt, failureType, delay, 0, null, null, null, List.of());
    }

    static Fault crash(int workflowTask) {
        if (workflowTask < 1) {
            throw new IllegalArgumentException("the workflow task a worker crashes after must be 1 or more (the"
                    + " first task is 1), not " + workflowTask);
        }
        return new Fault(Kind.CRASH_WORKER_AFTER_WORKFLOW_TASK, null, 0, null, null, workflowTask, null, null, null,
                List.of());
    }

    static Fault signal(String workflowId, Duration at, String signalName, Object... args) {
        requireText(workflowId, "workflowId");
        requireText(signalName, "signalName");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(args, "args");
        if (at.isNegative()) {
            throw new IllegalArgumentException("a signal cannot be delivered before the clock starts: at " + at);
        }
        List<Object> copy = new ArrayList<>(Arrays.asList(args));
        for (Object arg : copy) {
            JavaLiterals.requireRenderable(arg);
        }
        return new Fault(Kind.SIGNAL_AT, null, 0, null, null, 0, workflowId, at, signalName,
                Collections.unmodifiableList(copy));
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    /** What goes wrong. */
    public Kind getKind() {
        return kind;
    }

    /** The activity type an activity fault is about, or {@code null} for other kinds. */
    public String getActivityType() {
        return activityType;
    }

    /** The attempt (1 for the first) an activity fault is about, or 0 for other kinds. */
    public int getAttempt() {
        return attempt;
    }

    /** The failure type of {@link Kind#FAIL_ACTIVITY_NON_RETRYABLE}, or {@code null}. */
    public String getFailureType() {
        return failureType;
    }

    /** The virtual delay of {@link Kind#DELAY_ACTIVITY}, or {@code null}. */
    public Duration getDelay() {
        return delay;
    }

    /** The workflow task (1 for the first) after which {@link Kind#CRASH_WORKER_AFTER_WORKFLOW_TASK} happens, or 0. */
    public int getWorkflowTask() {
        return workflowTask;
    }

    /** The workflow id {@link Kind#SIGNAL_AT} signals, or {@code null}. */
    public String getWorkflowId() {
        return workflowId;
    }

    /** When, in virtual time from the start of the environment's clock, {@link Kind#SIGNAL_AT} signals, or {@code null}. */
    public Duration getAt() {
        return at;
    }

    /** The signal name of {@link Kind#SIGNAL_AT}, or {@code null}. */
    public String getSignalName() {
        return signalName;
    }

    /** The signal arguments of {@link Kind#SIGNAL_AT}; empty for other kinds. */
    public List<Object> getSignalArgs() {
        return signalArgs;
    }

    /** Whether this fault and {@code other} are about the same activity attempt. */
    boolean sameActivityAttempt(Fault other) {
        return activityType != null && activityType.equals(other.activityType) && attempt == other.attempt;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Fault)) {
            return false;
        }
        Fault that = (Fault) other;
        return kind == that.kind && attempt == that.attempt && workflowTask == that.workflowTask
                && Objects.equals(activityType, that.activityType) && Objects.equals(failureType, that.failureType)
                && Objects.equals(delay, that.delay) && Objects.equals(workflowId, that.workflowId)
                && Objects.equals(at, that.at) && Objects.equals(signalName, that.signalName)
                && signalArgs.equals(that.signalArgs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, activityType, attempt, failureType, delay, workflowTask, workflowId, at, signalName,
                signalArgs);
    }

    /** The builder call that makes this fault, as Java code: {@code .failActivity("withdraw", 2)}. */
    @Override
    public String toString() {
        switch (kind) {
            case DELAY_ACTIVITY:
                return ".delayActivity(" + JavaLiterals.of(activityType) + ", " + attempt + ", "
                        + JavaLiterals.of(delay) + ")";
            case FAIL_ACTIVITY:
                return ".failActivity(" + JavaLiterals.of(activityType) + ", " + attempt + ")";
            case FAIL_ACTIVITY_NON_RETRYABLE:
                return ".failActivityNonRetryable(" + JavaLiterals.of(activityType) + ", " + attempt + ", "
                        + JavaLiterals.of(failureType) + ")";
            case TIME_OUT_ACTIVITY:
                return ".timeOutActivity(" + JavaLiterals.of(activityType) + ", " + attempt + ")";
            case LOSE_ACTIVITY_COMPLETION:
                return ".loseActivityCompletion(" + JavaLiterals.of(activityType) + ", " + attempt + ")";
            case SIGNAL_AT:
                StringBuilder code = new StringBuilder(".signalAt(").append(JavaLiterals.of(workflowId)).append(", ")
                        .append(JavaLiterals.of(at)).append(", ").append(JavaLiterals.of(signalName));
                for (Object arg : signalArgs) {
                    code.append(", ").append(JavaLiterals.of(arg));
                }
                return code.append(")").toString();
            case CRASH_WORKER_AFTER_WORKFLOW_TASK:
                return ".crashWorkerAfterWorkflowTask(" + workflowTask + ")";
            default:
                throw new IllegalStateException("unknown kind " + kind);
        }
    }
}
