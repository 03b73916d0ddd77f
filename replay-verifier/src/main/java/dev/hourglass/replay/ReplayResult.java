package dev.hourglass.replay;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The outcome of replaying one history in a {@link ReplayGate}: whether the new code makes the recorded decisions,
 * and if not, why.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReplayResult {

    /** What the replay of one history found. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Status {
        /** The code makes the recorded decisions: the execution can go on with it. */
        COMPATIBLE,
        /**
         * The code makes other decisions than those recorded ({@link dev.hourglass.failure.NonDeterministicException}),
         * or makes a nondeterministic call on the replayed path
         * ({@link dev.hourglass.failure.NondeterministicCallError}): the execution would get stuck with it.
         */
        INCOMPATIBLE,
        /**
         * The history could not be replayed at all: the file is not a well-formed history, or no registered class
         * implements its workflow type, or the code failed in another way. The gate cannot say whether the
         * execution is compatible.
         */
        ERROR
    }

    private final String source;
    private final String workflowId;
    private final String runId;
    private final String workflowType;
    private final boolean open;
    private final Status status;
    private final Throwable failure;
    private final List<String> warnings;
    private final Duration duration;
    private final List<CommandPair> commands;

    /**
     * Creates a result; the gate makes them.
     *
     * @param source the file, or {@code workflowId/runId} for a history given as an object; never {@code null}
     * @param workflowId the history's workflow id, or {@code null} if the history could not be read
     * @param runId the history's run id, or {@code null} if the history could not be read
     * @param workflowType the history's workflow type, or {@code null} if the history could not be read
     * @param open whether the execution was still open when the history was recorded
     * @param status what the replay found; never {@code null}
     * @param failure why the history is incompatible or in error; {@code null} when compatible
     * @param warnings differences that do not make the history incompatible; never {@code null}
     * @param duration how long reading and replaying the history took; never {@code null}
     */
    public ReplayResult(String source, String workflowId, String runId, String workflowType, boolean open,
            Status status, Throwable failure, List<String> warnings, Duration duration) {
        this(source, workflowId, runId, workflowType, open, status, failure, warnings, duration, List.of());
    }

    /**
     * Creates a result with the commands around the divergence of an incompatible history; the gate makes them.
     *
     * @param source the file, or {@code workflowId/runId} for a history given as an object; never {@code null}
     * @param workflowId the history's workflow id, or {@code null} if the history could not be read
     * @param runId the history's run id, or {@code null} if the history could not be read
     * @param workflowType the history's workflow type, or {@code null} if the history could not be read
     * @param open whether the execution was still open when the history was recorded
     * @param status what the replay found; never {@code null}
     * @param failure why the history is incompatible or in error; {@code null} when compatible
     * @param warnings differences that do not make the history incompatible; never {@code null}
     * @param duration how long reading and replaying the history took; never {@code null}
     * @param commands the recorded and the new commands side by side around the divergence; never {@code null},
     *     empty unless the history is incompatible because of a command
     * @since 0.1
     */
    public ReplayResult(String source, String workflowId, String runId, String workflowType, boolean open,
            Status status, Throwable failure, List<String> warnings, Duration duration, List<CommandPair> commands) {
        this.source = Objects.requireNonNull(source, "source");
        this.workflowId = workflowId;
        this.runId = runId;
        this.workflowType = workflowType;
        this.open = open;
        this.status = Objects.requireNonNull(status, "status");
        this.failure = failure;
        this.warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        this.duration = Objects.requireNonNull(duration, "duration");
        this.commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
        if ((status == Status.COMPATIBLE) != (failure == null)) {
            throw new IllegalArgumentException("a " + status + " result " + (failure == null ? "needs" : "has no")
                    + " failure");
        }
    }

    /** The file the history was read from, or {@code workflowId/runId} for a history given as an object. */
    public String getSource() {
        return source;
    }

    /** The history's workflow id, or {@code null} when the history could not be read. */
    public String getWorkflowId() {
        return workflowId;
    }

    /** The history's run id, or {@code null} when the history could not be read. */
    public String getRunId() {
        return runId;
    }

    /** The history's workflow type, or {@code null} when the history could not be read. */
    public String getWorkflowType() {
        return workflowType;
    }

    /**
     * Whether the execution was open (running) when the history was recorded: an incompatible open execution
     * would get stuck when the new code is deployed; an incompatible closed one only breaks queries and resets.
     */
    public boolean isOpen() {
        return open;
    }

    /** What the replay found. */
    public Status getStatus() {
        return status;
    }

    /**
     * Why the history is not compatible: the {@link dev.hourglass.failure.NonDeterministicException} (or
     * {@link dev.hourglass.failure.NondeterministicCallError}) of an incompatible history; the
     * {@link dev.hourglass.history.HistoryFormatException}, {@link java.io.UncheckedIOException} or other cause of
     * an error. Empty when compatible.
     */
    public Optional<Throwable> getFailure() {
        return Optional.ofNullable(failure);
    }

    /**
     * What differs without making the history incompatible: argument or duration changes in non-strict mode, and
     * the like. Empty when the replay matched exactly.
     */
    public List<String> getWarnings() {
        return warnings;
    }

    /** How long reading and replaying this history took. */
    public Duration getDuration() {
        return duration;
    }

    /**
     * The commands the history recorded and those the new code produced, side by side around the divergence: a few
     * matched pairs before it, the {@linkplain CommandPair#isDiverging() diverging} pair, and the recorded commands
     * after it. Empty for a compatible history, a history in error, and an incompatible one that did not diverge on a
     * command (a nondeterministic call, a history whose events come in an order Hourglass never records).
     */
    public List<CommandPair> getCommands() {
        return commands;
    }

    @Override
    public String toString() {
        return "ReplayResult{" + source + ": " + status + (failure != null ? " (" + failure + ")" : "") + "}";
    }
}
