package dev.hourglass.replay;

import dev.hourglass.common.DataConverter;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.internal.common.PayloadCodecChain;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.history.History;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.replay.internal.GateRun;
import dev.hourglass.replay.internal.HistorySource;
import dev.hourglass.service.HistoryLimits;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apiguardian.api.API;
import org.junit.jupiter.api.DynamicTest;

/**
 * The CI replay gate: replays many recorded histories (a directory of files exported from production, and
 * {@link History} objects) against the new workflow code, and reports, for each, whether the code still makes the
 * recorded decisions.
 *
 * <pre>{@code
 * ReplayReport report = ReplayGate.newBuilder()
 *         .registerWorkflowImplementationTypes(TransferImpl.class, BillingImpl.class)
 *         .addHistories(Path.of("src/test/resources/histories"))
 *         .build()
 *         .run();
 * assertThat(report.isCompatible()).as(report.toText()).isTrue();
 * }</pre>
 *
 * <p>A history that cannot be read or replayed is an {@link ReplayResult.Status#ERROR ERROR} result with its cause,
 * never an exception that stops the run. Replaying never runs activities, child workflows or the functions of
 * {@code Workflow.sideEffect}: their recorded results are handed to the code. The determinism agent is on while
 * the gate replays (see {@link Builder#setDeterminismAgentEnabled}), so a nondeterministic call on a replayed path
 * makes the history {@link ReplayResult.Status#INCOMPATIBLE INCOMPATIBLE} too.
 *
 * <p>A gate may be {@linkplain #run() run} more than once; each run reads the files again.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReplayGate {

    private final List<Class<?>> workflowImplementationTypes;
    private final Map<Class<?>, WorkflowImplementationOptions> implementationOptions;
    private final List<HistorySource> sources;
    private final boolean strict;
    private final int parallelism;
    private final DataConverter dataConverter;
    private final List<PayloadCodec> payloadCodecs;
    private final HistoryLimits historyLimits;
    private final boolean determinismAgentEnabled;
    private final List<WorkerInterceptor> workerInterceptors;

    private ReplayGate(Builder builder) {
        this.workerInterceptors = List.copyOf(builder.workerInterceptors);
        this.workflowImplementationTypes = List.copyOf(builder.workflowImplementationTypes);
        this.implementationOptions = Map.copyOf(builder.implementationOptions);
        this.sources = List.copyOf(builder.sources);
        this.strict = builder.strict;
        this.parallelism = builder.parallelism;
        this.dataConverter = builder.dataConverter;
        this.payloadCodecs = builder.payloadCodecs;
        this.historyLimits = builder.historyLimits;
        this.determinismAgentEnabled = builder.determinismAgentEnabled != null ? builder.determinismAgentEnabled
                : TestEnvironmentOptions.getDefaultInstance().isDeterminismAgentEnabled();
    }

    /** Returns a builder of a gate with no classes and no histories yet. */
    public static Builder newBuilder() {
        return new Builder();
    }

    /**
     * Replays every history against the registered classes, {@linkplain Builder#setParallelism in parallel}, and
     * returns the report; the results are in the order the histories were added, each directory's files by path.
     */
    public ReplayReport run() {
        return new GateRun(workflowImplementationTypes, implementationOptions, sources, strict, parallelism,
                PayloadConverter.of(dataConverter, payloadCodecs), historyLimits, determinismAgentEnabled,
                workerInterceptors).run();
    }

    /**
     * Runs the gate and turns each result into a JUnit 5 dynamic test named by its source, which fails with the
     * result's report when the history is incompatible or in error; for a {@code @TestFactory}:
     *
     * <pre>{@code
     * @TestFactory
     * Stream<DynamicTest> productionHistoriesReplay() {
     *     return ReplayGate.newBuilder()
     *             .registerWorkflowImplementationTypes(TransferImpl.class)
     *             .addHistories(Path.of("src/test/resources/histories"))
     *             .build()
     *             .toDynamicTests();
     * }
     * }</pre>
     *
     * <p>Needs JUnit Jupiter on the class path (it is an optional dependency of this artifact).
     */
    public Stream<DynamicTest> toDynamicTests() {
        ReplayReport report = run();
        return report.getResults().stream().map(result -> DynamicTest.dynamicTest(result.getSource(), () -> {
            if (result.getStatus() != ReplayResult.Status.COMPATIBLE) {
                throw new AssertionError(report.describe(result), result.getFailure().orElse(null));
            }
        }));
    }

    /** The workflow implementation classes the gate replays against. */
    public List<Class<?>> getWorkflowImplementationTypes() {
        return workflowImplementationTypes;
    }

    /** Whether argument, duration and result differences make a history incompatible. */
    public boolean isStrict() {
        return strict;
    }

    /** How many histories are replayed at once. */
    public int getParallelism() {
        return parallelism;
    }

    /** Builds a {@link ReplayGate}. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public static final class Builder {
        private final List<Class<?>> workflowImplementationTypes = new ArrayList<>();
        private final Map<Class<?>, WorkflowImplementationOptions> implementationOptions = new HashMap<>();
        private final List<HistorySource> sources = new ArrayList<>();
        private boolean strict;
        private int parallelism = Runtime.getRuntime().availableProcessors();
        private DataConverter dataConverter = DataConverter.getDefault();
        private List<PayloadCodec> payloadCodecs = List.of();
        private HistoryLimits historyLimits = HistoryLimits.getDefaultInstance();
        private Boolean determinismAgentEnabled;
        private List<WorkerInterceptor> workerInterceptors = List.of();

        private Builder() {
        }

        /**
         * Registers the workflow implementation classes to replay against: each history is replayed against the
         * class that implements its workflow type. A history of a type no registered class implements is an
         * {@link ReplayResult.Status#ERROR ERROR} result that says so.
         *
         * @throws IllegalArgumentException if a class is not a usable workflow implementation (checked when the
         *     gate is built), or none is given
         */
        public Builder registerWorkflowImplementationTypes(Class<?>... workflowImplementationClasses) {
            return registerWorkflowImplementationTypes(WorkflowImplementationOptions.getDefaultInstance(),
                    workflowImplementationClasses);
        }

        /**
         * Registers workflow implementation classes with the options the workers registered them with
         * ({@code Worker.registerWorkflowImplementationTypes(options, classes)}): activity stubs made without
         * options take theirs from {@code options}, and an exception of a type it lists fails the workflow, in
         * the replay as when the histories were recorded.
         *
         * @throws IllegalArgumentException if a class is not a usable workflow implementation (checked when the
         *     gate is built), or none is given
         * @since 0.1
         */
        public Builder registerWorkflowImplementationTypes(WorkflowImplementationOptions options,
                Class<?>... workflowImplementationClasses) {
            Objects.requireNonNull(options, "options");
            Objects.requireNonNull(workflowImplementationClasses, "workflowImplementationClasses");
            for (int i = 0; i < workflowImplementationClasses.length; i++) {
                Class<?> type = Objects.requireNonNull(workflowImplementationClasses[i],
                        "workflowImplementationClasses[" + i + "]");
                workflowImplementationTypes.add(type);
                implementationOptions.putIfAbsent(type, options);
            }
            return this;
        }

        /**
         * Adds a history file, or every history file under a directory, recursively: files named {@code *.json}
         * (history format version 1, as {@link History#write(Path)} writes them) and {@code *.json.gz} (the same,
         * gzipped); other files are skipped. A directory's files are replayed in the order of their paths.
         *
         * @throws IllegalArgumentException if the path does not exist; the message names it
         * @throws UncheckedIOException if a directory cannot be listed
         */
        public Builder addHistories(Path fileOrDirectory) {
            Objects.requireNonNull(fileOrDirectory, "fileOrDirectory");
            if (!Files.exists(fileOrDirectory)) {
                throw new IllegalArgumentException("no history file or directory " + fileOrDirectory);
            }
            if (!Files.isDirectory(fileOrDirectory)) {
                sources.add(HistorySource.of(fileOrDirectory));
                return this;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(fileOrDirectory)) {
                files = walk.filter(Files::isRegularFile).filter(HistorySource::isHistoryFile)
                        .collect(Collectors.toCollection(ArrayList::new));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the histories under " + fileOrDirectory + ": " + e, e);
            }
            Collections.sort(files);
            for (Path file : files) {
                sources.add(HistorySource.of(file));
            }
            return this;
        }

        /** Adds a history object, whose source is {@code workflowId/runId}. */
        public Builder addHistory(History history) {
            sources.add(HistorySource.of(Objects.requireNonNull(history, "history")));
            return this;
        }

        /**
         * Sets whether argument, duration and result differences make a history incompatible (default
         * {@code false}: they are {@linkplain ReplayResult#getWarnings() warnings}).
         */
        public Builder setStrict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * Sets how many histories are replayed at once (default: the number of available processors).
         *
         * @throws IllegalArgumentException if {@code parallelism} is less than 1
         */
        public Builder setParallelism(int parallelism) {
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be at least 1, not " + parallelism);
            }
            this.parallelism = parallelism;
            return this;
        }

        /** Sets the converter the histories' payloads were written with (default {@link DataConverter#getDefault()}). */
        public Builder setDataConverter(DataConverter dataConverter) {
            this.dataConverter = Objects.requireNonNull(dataConverter, "dataConverter");
            return this;
        }

        /**
         * Sets the payload codecs the histories' payloads were encoded with (default none), such as those of the
         * client whose workers recorded them; in any order, as each encoded payload names the codecs it needs. A
         * history with a payload that they cannot decode is an {@link ReplayResult.Status#ERROR ERROR} result
         * that names the codec.
         *
         * @param payloadCodecs the codecs; none for plain JSON payloads
         * @return this builder
         * @throws IllegalArgumentException if a codec is {@code null} or its name is blank or holds a comma
         */
        public Builder setPayloadCodecs(PayloadCodec... payloadCodecs) {
            Objects.requireNonNull(payloadCodecs, "payloadCodecs");
            return setPayloadCodecs(Arrays.asList(payloadCodecs));
        }

        /**
         * Sets the payload codecs like {@link #setPayloadCodecs(PayloadCodec...)}.
         *
         * @param payloadCodecs the codecs; never {@code null}
         * @return this builder
         * @throws IllegalArgumentException if a codec is {@code null} or its name is blank or holds a comma
         */
        public Builder setPayloadCodecs(List<? extends PayloadCodec> payloadCodecs) {
            this.payloadCodecs = PayloadCodecChain.of(payloadCodecs).codecs();
            return this;
        }

        /**
         * Sets the history limits the histories were recorded under, which decide where
         * {@code Workflow.getInfo().isContinueAsNewSuggested()} turned true (default
         * {@link HistoryLimits#getDefaultInstance()}).
         */
        public Builder setHistoryLimits(HistoryLimits historyLimits) {
            this.historyLimits = Objects.requireNonNull(historyLimits, "historyLimits");
            return this;
        }

        /**
         * Sets the worker interceptors the histories' runs went through when they were recorded
         * ({@code WorkerFactoryOptions.Builder.setWorkerInterceptors}), the first the outermost; they replace any set
         * before. Workflow-side interceptors run as workflow code, so a replay needs them when they change what a
         * run records (an argument, a call); without them such a history replays with differences, or diverges.
         *
         * @param interceptors the interceptors; none for none (the default)
         * @return this builder
         * @throws NullPointerException if {@code interceptors} or one of them is {@code null}
         * @since 0.1
         */
        public Builder setWorkerInterceptors(WorkerInterceptor... interceptors) {
            Objects.requireNonNull(interceptors, "interceptors");
            for (int i = 0; i < interceptors.length; i++) {
                Objects.requireNonNull(interceptors[i], "interceptors[" + i + "]");
            }
            this.workerInterceptors = List.of(interceptors);
            return this;
        }

        /**
         * Sets whether the gate installs the determinism agent and replays with it on (default true, unless the
         * system property {@value TestEnvironmentOptions#DETERMINISM_AGENT_PROPERTY} is {@code false}).
         */
        public Builder setDeterminismAgentEnabled(boolean enabled) {
            this.determinismAgentEnabled = enabled;
            return this;
        }

        /**
         * Builds the gate.
         *
         * @throws IllegalArgumentException if no workflow implementation class was registered, or a class is not a
         *     usable workflow implementation; the message says what to fix
         */
        public ReplayGate build() {
            if (workflowImplementationTypes.isEmpty()) {
                throw new IllegalArgumentException("no workflow implementation class was registered: call"
                        + " registerWorkflowImplementationTypes(MyWorkflowImpl.class) with the classes to replay the"
                        + " histories against");
            }
            GateRun.checkImplementations(workflowImplementationTypes, implementationOptions);
            return new ReplayGate(this);
        }
    }
}
