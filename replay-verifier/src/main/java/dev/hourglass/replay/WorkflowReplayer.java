package dev.hourglass.replay;

import dev.hourglass.agent.DeterminismAgent;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.common.DataConverter;
import dev.hourglass.common.PayloadCodec;
import dev.hourglass.history.History;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.common.PayloadConverter;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.testing.TestEnvironmentOptions;
import dev.hourglass.worker.WorkerFactoryOptions;
import dev.hourglass.worker.WorkflowImplementationOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a recorded workflow history against workflow code, to check that the code still makes the
 * decisions the history recorded.
 *
 * <pre>{@code
 * Path file = Path.of("src/test/resources/histories/money-transfer.json");
 *
 * WorkflowReplayer.replayWorkflowExecution(file, MoneyTransferImpl.class);
 * }</pre>
 *
 * <p>Replay runs the workflow code of the history's workflow type, without a service or a worker, and feeds
 * it the recorded events in order. Each command the code produces (schedule an activity, start a timer,
 * record a marker, start a child workflow, complete the workflow…) must match the next recorded command: the
 * same kind and the same activity type, timer id, marker id or child workflow type. A mismatch, a recorded
 * command the code no longer produces, or a command the history does not have throws
 * {@link dev.hourglass.failure.NonDeterministicException}, whose message names the event id, the recorded
 * and the new command, the workflow source line and the remedy; so does a history whose events come in an
 * order Hourglass never records. A recorded value that no longer converts to the type the code declares for
 * it throws {@link dev.hourglass.common.DataConverterException}, naming the value, the event and both types.
 * Differences in arguments or durations are not nondeterminism: they are logged as warnings through SLF4J and
 * the replay passes.
 *
 * <p>Activities are not run: their recorded results are handed to the code. Workflow loggers from
 * {@link dev.hourglass.workflow.Workflow#getLogger(Class)} stay silent during replay.
 *
 * <p><b>Determinism agent.</b> The first replay installs the {@link DeterminismAgent determinism agent} in fail
 * mode, unless it is installed already: workflow code that calls the wall clock, randomness, threads, blocking
 * waits, I/O or {@code System.getenv} during the replay throws
 * {@link dev.hourglass.failure.NondeterministicCallError} naming the call, its replacement and the source line,
 * which fails the replay. To replay without it, for a whole run, set the system property
 * {@code hourglass.determinismAgent} to {@code false} ({@code -Dhourglass.determinismAgent=false}): replays then
 * neither install it nor are checked by it. The same property turns it off in test environments whose options do
 * not say otherwise ({@link TestEnvironmentOptions#DETERMINISM_AGENT_PROPERTY}).
 *
 * <p>All methods are thread-safe: each call replays on its own.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class WorkflowReplayer {

    private static final Logger log = LoggerFactory.getLogger(WorkflowReplayer.class);

    private WorkflowReplayer() {
    }

    /**
     * Replays a history against the implementation of its workflow type.
     *
     * @param history the recorded history; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions,
     *     or the history's events come in an order Hourglass never records
     * @throws dev.hourglass.common.DataConverterException if a recorded value does not convert to the type the
     *     code declares for it
     * @throws dev.hourglass.failure.NondeterministicCallError if the workflow code calls something
     *     nondeterministic while it replays (unless the determinism agent is turned off)
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type; the message names what is missing
     * @throws NullPointerException if {@code history} or a class is {@code null}
     */
    public static void replayWorkflowExecution(History history, Class<?>... workflowImplementationClasses) {
        replayWorkflowExecution(history, DataConverter.getDefault(), workflowImplementationClasses);
    }

    /**
     * Replays a history like {@link #replayWorkflowExecution(History, Class[])}, converting its payloads with
     * {@code dataConverter}: the converter of the client whose workers recorded it.
     *
     * @param history the recorded history; never {@code null}
     * @param dataConverter the converter the history's payloads were written with; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions,
     *     or the history's events come in an order Hourglass never records
     * @throws dev.hourglass.common.DataConverterException if a recorded value does not convert to the type the
     *     code declares for it
     * @throws dev.hourglass.failure.NondeterministicCallError if the workflow code calls something
     *     nondeterministic while it replays (unless the determinism agent is turned off)
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type; the message names what is missing
     * @throws NullPointerException if {@code history}, {@code dataConverter} or a class is {@code null}
     * @since 0.1
     */
    public static void replayWorkflowExecution(History history, DataConverter dataConverter,
            Class<?>... workflowImplementationClasses) {
        replay(history, PayloadConverter.of(Objects.requireNonNull(dataConverter, "dataConverter")),
                WorkflowImplementationOptions.getDefaultInstance(), workflowImplementationClasses);
    }

    /**
     * Replays a history like {@link #replayWorkflowExecution(History, Class[])}, decoding its payloads with
     * {@code payloadCodecs}: the codecs of the client whose workers recorded it (in any order; each encoded
     * payload names the codecs it needs).
     *
     * <pre>{@code
     * WorkflowReplayer.replayWorkflowExecution(history, List.of(PayloadCodecs.aesGcm("k1", key)), TransferImpl.class);
     * }</pre>
     *
     * @param history the recorded history; never {@code null}
     * @param payloadCodecs the codecs the history's payloads were encoded with; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions
     * @throws dev.hourglass.common.PayloadCodecException if a payload names a codec that {@code payloadCodecs}
     *     lacks, or a codec fails to decode it (a wrong key, altered data)
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type
     * @throws NullPointerException if {@code history}, {@code payloadCodecs} or a class is {@code null}
     * @since 0.1
     */
    public static void replayWorkflowExecution(History history, List<? extends PayloadCodec> payloadCodecs,
            Class<?>... workflowImplementationClasses) {
        replay(history, PayloadConverter.of(DataConverter.getDefault(), payloadCodecs),
                WorkflowImplementationOptions.getDefaultInstance(), workflowImplementationClasses);
    }

    /**
     * Replays a history like {@link #replayWorkflowExecution(History, Class[])}, converting its payloads as the
     * client of {@code clientOptions} and its workers do: with its data converter and payload codecs.
     *
     * @param history the recorded history; never {@code null}
     * @param clientOptions the options of the client whose workers recorded the history; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions
     * @throws dev.hourglass.common.DataConverterException if a recorded value does not convert to the type the
     *     code declares for it, or (a {@link dev.hourglass.common.PayloadCodecException}) cannot be decoded
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type
     * @throws NullPointerException if {@code history}, {@code clientOptions} or a class is {@code null}
     * @since 0.1
     */
    public static void replayWorkflowExecution(History history, WorkflowClientOptions clientOptions,
            Class<?>... workflowImplementationClasses) {
        Objects.requireNonNull(clientOptions, "clientOptions");
        replay(history, PayloadConverter.of(clientOptions.getDataConverter(), clientOptions.getPayloadCodecs()),
                WorkflowImplementationOptions.getDefaultInstance(), workflowImplementationClasses);
    }

    /**
     * Replays a history like {@link #replayWorkflowExecution(History, Class[])}, with the classes registered with
     * {@code options}, as the workers that recorded it registered them
     * ({@code Worker.registerWorkflowImplementationTypes(options, classes)}): activity stubs made without options
     * take theirs from {@code options}, and an exception of a type it lists fails the workflow.
     *
     * <pre>{@code
     * WorkflowReplayer.replayWorkflowExecution(history, WorkflowImplementationOptions.newBuilder()
     *         .setDefaultActivityOptions(ActivityOptions.newBuilder()
     *                 .setStartToCloseTimeout(Duration.ofSeconds(10)).build())
     *         .build(), TransferImpl.class);
     * }</pre>
     *
     * @param history the recorded history; never {@code null}
     * @param options the options the classes were registered with; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type
     * @throws NullPointerException if {@code history}, {@code options} or a class is {@code null}
     * @since 0.1
     */
    public static void replayWorkflowExecution(History history, WorkflowImplementationOptions options,
            Class<?>... workflowImplementationClasses) {
        replay(history, PayloadConverter.getDefault(), options, workflowImplementationClasses);
    }

    /**
     * Replays a history like {@link #replayWorkflowExecution(History, Class[])}, the run's calls going through the
     * worker interceptors of {@code workerFactoryOptions}
     * ({@link WorkerFactoryOptions.Builder#setWorkerInterceptors}), as they went through those of the workers that
     * recorded it. Workflow-side interceptors run as workflow code: a replay needs them when they change what a run
     * records.
     *
     * @param history the recorded history; never {@code null}
     * @param workerFactoryOptions the options of the worker factory that recorded the history; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type
     * @throws NullPointerException if {@code history}, {@code workerFactoryOptions} or a class is {@code null}
     * @since 0.1
     */
    public static void replayWorkflowExecution(History history, WorkerFactoryOptions workerFactoryOptions,
            Class<?>... workflowImplementationClasses) {
        Objects.requireNonNull(workerFactoryOptions, "workerFactoryOptions");
        replay(history, PayloadConverter.getDefault(), WorkflowImplementationOptions.getDefaultInstance(),
                workerFactoryOptions.getWorkerInterceptors(), workflowImplementationClasses);
    }

    private static void replay(History history, PayloadConverter converter, WorkflowImplementationOptions options,
            Class<?>... workflowImplementationClasses) {
        replay(history, converter, options, List.of(), workflowImplementationClasses);
    }

    private static void replay(History history, PayloadConverter converter, WorkflowImplementationOptions options,
            List<WorkerInterceptor> interceptors, Class<?>... workflowImplementationClasses) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(options, "options");
        checkClasses(workflowImplementationClasses);
        boolean checked = TestEnvironmentOptions.getDefaultInstance().isDeterminismAgentEnabled();
        if (checked) {
            DeterminismAgent.install(DeterminismAgent.Mode.FAIL);
        }
        List<String> warnings = Replayer.replay(history, false, converter, checked,
                options, interceptors, workflowImplementationClasses);
        if (!warnings.isEmpty()) {
            log.warn("replay of workflow {} ({}) matched, with {} difference(s) in arguments or durations: {}",
                    history.getWorkflowId(), history.getWorkflowType(), warnings.size(), warnings);
        }
    }

    /**
     * Reads a history file, in history format version 1, and replays it against the implementation of its
     * workflow type.
     *
     * @param historyFile the history file, as written by {@link History#write(Path)}; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.history.HistoryFormatException if the file is not a well-formed history; the
     *     message names the file and, when the problem is in one event, that event
     * @throws java.io.UncheckedIOException if the file does not exist or cannot be read; the message names
     *     the file
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions,
     *     or the history's events come in an order Hourglass never records
     * @throws dev.hourglass.common.DataConverterException if a recorded value does not convert to the type the
     *     code declares for it
     * @throws dev.hourglass.failure.NondeterministicCallError if the workflow code calls something
     *     nondeterministic while it replays (unless the determinism agent is turned off)
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type; the message names what is missing
     * @throws NullPointerException if {@code historyFile} or a class is {@code null}
     */
    public static void replayWorkflowExecution(Path historyFile, Class<?>... workflowImplementationClasses) {
        Objects.requireNonNull(historyFile, "historyFile");
        checkClasses(workflowImplementationClasses);
        replayWorkflowExecution(History.read(historyFile), workflowImplementationClasses);
    }

    /**
     * Reads a history from its JSON text, in history format version 1, and replays it against the implementation
     * of its workflow type: for a history kept as a string, such as a test resource read into one.
     *
     * @param jsonHistory the history JSON, as {@link History#toJson()} writes it; never {@code null}
     * @param workflowImplementationClasses workflow implementation classes, one of which implements the
     *     history's workflow type; the others are ignored; never {@code null}, empty or holding {@code null}
     * @throws dev.hourglass.history.HistoryFormatException if the text is not a well-formed history (not JSON,
     *     another format version, a malformed event); the message says what is wrong and, when the problem is in
     *     one event, names that event
     * @throws dev.hourglass.failure.NonDeterministicException if the code does not make the recorded decisions,
     *     or the history's events come in an order Hourglass never records
     * @throws dev.hourglass.common.DataConverterException if a recorded value does not convert to the type the
     *     code declares for it
     * @throws dev.hourglass.failure.NondeterministicCallError if the workflow code calls something
     *     nondeterministic while it replays (unless the determinism agent is turned off)
     * @throws IllegalArgumentException if no class is given, a class is not a usable workflow implementation,
     *     or none implements the history's workflow type; the message names what is missing
     * @throws NullPointerException if {@code jsonHistory} or a class is {@code null}
     * @since 0.1
     */
    public static void replayWorkflowExecution(String jsonHistory, Class<?>... workflowImplementationClasses) {
        Objects.requireNonNull(jsonHistory, "jsonHistory");
        checkClasses(workflowImplementationClasses);
        replayWorkflowExecution(History.fromJson(jsonHistory), workflowImplementationClasses);
    }

    private static void checkClasses(Class<?>[] classes) {
        Objects.requireNonNull(classes, "workflowImplementationClasses");
        if (classes.length == 0) {
            throw new IllegalArgumentException("no workflow implementation class was given: pass the workflow"
                    + " implementation classes to replay the history against, for example"
                    + " replayWorkflowExecution(history, MyWorkflowImpl.class)");
        }
        for (int i = 0; i < classes.length; i++) {
            Objects.requireNonNull(classes[i], "workflowImplementationClasses[" + i + "]");
        }
    }
}
