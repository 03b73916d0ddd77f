package dev.hourglass.internal.replay;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Replays one recorded history against workflow implementation classes. */
public final class Replayer {

    private Replayer() {
    }

    /**
     * Replays {@code history} against the implementation of its workflow type among {@code implementations}.
     *
     * @return the replay warnings (argument or duration differences); empty when the replay matched exactly
     * @throws dev.hourglass.failure.NonDeterministicException when the code diverges from the history
     * @throws IllegalArgumentException when no class implements the history's workflow type
     */
    public static List<String> replay(History history, boolean strict, Class<?>... implementations) {
        return replay(history, strict, PayloadConverter.getDefault(), implementations);
    }

    /**
     * Replays {@code history} like {@link #replay(History, boolean, Class[])}, converting payloads with
     * {@code converter}.
     */
    public static List<String> replay(History history, boolean strict, PayloadConverter converter,
            Class<?>... implementations) {
        return replay(history, strict, converter, true, implementations);
    }

    /**
     * Replays {@code history} like {@link #replay(History, boolean, PayloadConverter, Class[])}; with
     * {@code determinismChecked} false, the determinism agent, if installed, does not check the code.
     */
    public static List<String> replay(History history, boolean strict, PayloadConverter converter,
            boolean determinismChecked, Class<?>... implementations) {
        return replay(history, strict, converter, determinismChecked,
                WorkflowImplementationOptions.getDefaultInstance(), implementations);
    }

    /**
     * Replays {@code history} like {@link #replay(History, boolean, PayloadConverter, boolean, Class[])}, each
     * class with {@code options}, as a worker registered it.
     */
    public static List<String> replay(History history, boolean strict, PayloadConverter converter,
            boolean determinismChecked, WorkflowImplementationOptions options, Class<?>... implementations) {
        return replay(history, strict, converter, determinismChecked, options, List.of(), implementations);
    }

    /**
     * Replays {@code history} like {@link #replay(History, boolean, PayloadConverter, boolean,
     * WorkflowImplementationOptions, Class[])}, the run's calls going through {@code interceptors} (the first the
     * outermost) as they went through those of the worker that recorded it.
     */
    public static List<String> replay(History history, boolean strict, PayloadConverter converter,
            boolean determinismChecked, WorkflowImplementationOptions options, List<WorkerInterceptor> interceptors,
            Class<?>... implementations) {
        Map<String, WorkflowImplementation> byType = new LinkedHashMap<>();
        for (Class<?> type : implementations) {
            WorkflowImplementation implementation = WorkflowImplementation.of(type, options);
            byType.putIfAbsent(implementation.workflowType(), implementation);
        }
        WorkflowImplementation implementation = WorkflowImplementation.lookup(byType,
                history.getWorkflowType());
        if (implementation == null) {
            throw new IllegalArgumentException("cannot replay history of " + history.getWorkflowId() + ": none of "
                    + byType.keySet() + " implements its workflow type '" + history.getWorkflowType()
                    + "'; pass the implementation class of that workflow type");
        }
        return replay(history, strict, implementation, converter, HistoryLimits.getDefaultInstance(),
                determinismChecked, interceptors);
    }

    /**
     * Replays {@code history} against an implementation already read (see {@link WorkflowImplementation#of}),
     * which saves reading the class again for every replay.
     *
     * @return the replay warnings (argument or duration differences); empty when the replay matched exactly
     * @throws dev.hourglass.failure.NonDeterministicException when the code diverges from the history
     */
    public static List<String> replay(History history, boolean strict, WorkflowImplementation implementation) {
        return replay(history, strict, implementation, PayloadConverter.getDefault());
    }

    /** Replays like {@link #replay(History, boolean, WorkflowImplementation)}, converting with {@code converter}. */
    public static List<String> replay(History history, boolean strict, WorkflowImplementation implementation,
            PayloadConverter converter) {
        return replay(history, strict, implementation, converter, HistoryLimits.getDefaultInstance());
    }

    /**
     * Replays like {@link #replay(History, boolean, WorkflowImplementation, PayloadConverter)}, telling the code
     * that continue-as-new is suggested where {@code limits} say so: those under which the history was recorded.
     */
    public static List<String> replay(History history, boolean strict, WorkflowImplementation implementation,
            PayloadConverter converter, HistoryLimits limits) {
        return replay(history, strict, implementation, converter, limits, true);
    }

    /**
     * Replays like {@link #replay(History, boolean, WorkflowImplementation, PayloadConverter, HistoryLimits)}; with
     * {@code determinismChecked} false, the determinism agent, if installed, does not check the code.
     */
    public static List<String> replay(History history, boolean strict, WorkflowImplementation implementation,
            PayloadConverter converter, HistoryLimits limits, boolean determinismChecked) {
        return replay(history, strict, implementation, converter, limits, determinismChecked, List.of());
    }

    /**
     * Replays like {@link #replay(History, boolean, WorkflowImplementation, PayloadConverter, HistoryLimits,
     * boolean)}, the run's calls going through {@code interceptors}, the first the outermost.
     */
    public static List<String> replay(History history, boolean strict, WorkflowImplementation implementation,
            PayloadConverter converter, HistoryLimits limits, boolean determinismChecked,
            List<WorkerInterceptor> interceptors) {
        return replay(history, strict, implementation, converter, limits, determinismChecked, interceptors,
                trace -> { }, false);
    }

    /**
     * Replays like {@link #replay(History, boolean, WorkflowImplementation, PayloadConverter, HistoryLimits,
     * boolean)}; when the code produces a command that does not match the recorded one, or misses one,
     * {@code onDivergence} receives the commands around the divergence before the
     * {@link dev.hourglass.failure.NonDeterministicException} is thrown. The warnings returned also say which
     * recorded signals the code has no handler for.
     */
    public static List<String> replay(History history, boolean strict, WorkflowImplementation implementation,
            PayloadConverter converter, HistoryLimits limits, boolean determinismChecked,
            Consumer<CommandTrace> onDivergence) {
        return replay(history, strict, implementation, converter, limits, determinismChecked, List.of(), onDivergence);
    }

    /**
     * Replays like {@link #replay(History, boolean, WorkflowImplementation, PayloadConverter, HistoryLimits, boolean,
     * Consumer)}, the run's calls going through {@code interceptors}, the first the outermost.
     */
    public static List<String> replay(History history, boolean strict, WorkflowImplementation implementation,
            PayloadConverter converter, HistoryLimits limits, boolean determinismChecked,
            List<WorkerInterceptor> interceptors, Consumer<CommandTrace> onDivergence) {
        return replay(history, strict, implementation, converter, limits, determinismChecked, interceptors,
                onDivergence, true);
    }

    private static List<String> replay(History history, boolean strict, WorkflowImplementation implementation,
            PayloadConverter converter, HistoryLimits limits, boolean determinismChecked,
            List<WorkerInterceptor> interceptors, Consumer<CommandTrace> onDivergence, boolean withDroppedSignals) {
        WorkflowExecutor executor = new WorkflowExecutor(implementation, strict, converter);
        executor.setWorkerInterceptors(interceptors);
        executor.setHistoryLimits(limits);
        executor.setDeterminismChecked(determinismChecked);
        try {
            executor.replayThenDestroy(history);
            List<String> warnings = new ArrayList<>(executor.warnings());
            if (withDroppedSignals) {
                warnings.addAll(executor.droppedSignals());
            }
            return warnings;
        } catch (NonDeterministicException e) {
            CommandTrace trace = executor.divergence();
            if (trace != null) {
                onDivergence.accept(trace);
            }
            throw e;
        } finally {
            executor.destroy();
        }
    }
}
