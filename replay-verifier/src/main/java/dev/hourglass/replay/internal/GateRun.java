package dev.hourglass.replay.internal;

import dev.hourglass.agent.DeterminismAgent;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.history.History;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.replay.CommandPair;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** One run of a replay gate: the implementations read once, then every history read and replayed. */
public final class GateRun {

    private final Map<String, WorkflowImplementation> byType;
    /** The worker interceptors the runs went through when they were recorded, the first the outermost. */
    private final List<WorkerInterceptor> interceptors;
    private final List<HistorySource> sources;
    private final boolean strict;
    private final int parallelism;
    private final PayloadConverter converter;
    private final HistoryLimits limits;
    private final boolean determinismChecked;

    public GateRun(List<Class<?>> types, Map<Class<?>, WorkflowImplementationOptions> options,
            List<HistorySource> sources, boolean strict, int parallelism, PayloadConverter converter,
            HistoryLimits limits, boolean determinismChecked, List<WorkerInterceptor> interceptors) {
        this.interceptors = List.copyOf(interceptors);
        this.byType = implementations(types, options);
        this.sources = sources;
        this.strict = strict;
        this.parallelism = parallelism;
        this.converter = converter;
        this.limits = limits;
        this.determinismChecked = determinismChecked;
    }

    /** Reads each class once, so that a class that is not a usable implementation fails the build of the gate. */
    public static void checkImplementations(List<Class<?>> types,
            Map<Class<?>, WorkflowImplementationOptions> options) {
        implementations(types, options);
    }

    /** The implementations by workflow type, each class read with its options (the defaults if none). */
    private static Map<String, WorkflowImplementation> implementations(List<Class<?>> types,
            Map<Class<?>, WorkflowImplementationOptions> options) {
        Map<String, WorkflowImplementation> byType = new LinkedHashMap<>();
        for (Class<?> type : types) {
            WorkflowImplementation implementation = WorkflowImplementation.of(type,
                    options.getOrDefault(type, WorkflowImplementationOptions.getDefaultInstance()));
            byType.putIfAbsent(implementation.workflowType(), implementation);
        }
        return byType;
    }

    public ReplayReport run() {
        if (determinismChecked) {
            DeterminismAgent.install(DeterminismAgent.Mode.FAIL);
        }
        ReplayResult[] results = new ReplayResult[sources.size()];
        int threads = Math.min(parallelism, Math.max(1, sources.size()));
        if (threads <= 1) {
            for (int i = 0; i < results.length; i++) {
                results[i] = replay(sources.get(i));
            }
            return new ReplayReport(Arrays.asList(results));
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "hourglass-replay-gate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < results.length; i = next.getAndIncrement()) {
                        results[i] = replay(sources.get(i));
                    }
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the replay gate was interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the replay gate failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new ReplayReport(Arrays.asList(results));
    }

    private ReplayResult replay(HistorySource source) {
        long start = System.nanoTime();
        History history;
        try {
            history = source.read();
        } catch (RuntimeException e) {
            return new ReplayResult(source.name(), null, null, null, false, ReplayResult.Status.ERROR, e, List.of(),
                    since(start));
        }
        String id = history.getWorkflowId();
        String runId = history.getRunId();
        String type = history.getWorkflowType();
        boolean open = !history.isClosed();
        WorkflowImplementation implementation = WorkflowImplementation.lookup(byType, type);
        if (implementation == null) {
            IllegalArgumentException missing = new IllegalArgumentException("no registered class implements workflow"
                    + " type '" + type + "' (registered: " + byType.keySet() + "): register its implementation"
                    + " class (ReplayGate.Builder.registerWorkflowImplementationTypes, or --workflows of the command"
                    + " line), or leave its histories out of the gate");
            return new ReplayResult(source.name(), id, runId, type, open, ReplayResult.Status.ERROR, missing,
                    List.of(), since(start));
        }
        List<CommandPair> commands = new ArrayList<>();
        try {
            List<String> warnings = Replayer.replay(history, strict, implementation, converter, limits,
                    determinismChecked, interceptors, trace -> trace.rows().forEach(row -> commands.add(
                            new CommandPair(row.eventId(), row.recorded(), row.produced(), row.diverging()))));
            return new ReplayResult(source.name(), id, runId, type, open, ReplayResult.Status.COMPATIBLE, null,
                    warnings, since(start));
        } catch (NonDeterministicException | NondeterministicCallError e) {
            return new ReplayResult(source.name(), id, runId, type, open, ReplayResult.Status.INCOMPATIBLE, e,
                    List.of(), since(start), commands);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return new ReplayResult(source.name(), id, runId, type, open, ReplayResult.Status.ERROR, e, List.of(),
                    since(start));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
