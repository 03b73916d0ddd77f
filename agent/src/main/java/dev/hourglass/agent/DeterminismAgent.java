package dev.hourglass.agent;

import dev.hourglass.agent.internal.Installer;
import java.lang.instrument.Instrumentation;
import java.util.Locale;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.apiguardian.api.API;

/**
 * The determinism agent: makes workflow code that calls the wall clock, randomness, threads, blocking waits, I/O
 * or {@code System.getenv} throw {@link dev.hourglass.failure.NondeterministicCallError}, naming the call, its
 * deterministic replacement and the workflow source line.
 *
 * <p>The test environment and the replay verifier install it themselves, in {@link Mode#FAIL fail mode}; a test
 * needs no JVM flag. To check a production worker, start its JVM with the agent jar (the artifact
 * {@code hourglass-agent} with classifier {@code javaagent}):
 *
 * <pre>{@code
 * java -javaagent:hourglass-agent-0.1.0-javaagent.jar=mode=log -jar worker.jar
 * }</pre>
 *
 * <p>or install it from code before the worker starts:
 *
 * <pre>{@code
 * DeterminismAgent.install(DeterminismAgent.Mode.LOG);
 * WorkerFactory factory = WorkerFactory.newInstance(client);
 * }</pre>
 *
 * <p>The agent rewrites the call sites of the application's classes and of the libraries they use (not those of
 * the JDK, nor of Hourglass, nor of the logging, JSON and test libraries): before each forbidden call it asks
 * Hourglass whether the calling thread runs workflow code (a workflow method, a signal or query handler, a
 * {@code Workflow.async} body, a {@code Workflow.await} condition, or code they call), and only then reports the
 * call. Elsewhere (activities, test code, worker bootstrap, the supplier of {@code Workflow.sideEffect}) the call
 * goes ahead as before, for the cost of a thread-local read. It is installed once per JVM; installing it again
 * does nothing.
 *
 * <p>On JDK 21 and later, the JVM prints a warning when an agent is loaded into a running JVM, as
 * {@link #install()} does; {@code -XX:+EnableDynamicAgentLoading} silences it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class DeterminismAgent {

    /** What a forbidden call of workflow code does once the agent is installed. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1")
    public enum Mode {
        /**
         * The call throws {@link dev.hourglass.failure.NondeterministicCallError}, which fails the workflow task
         * (not the workflow) even if the code catches it; the default, and the mode of tests and replay.
         */
        FAIL,
        /** The call goes ahead; a warning is logged through SLF4J, once per call site. */
        LOG
    }

    private static Mode installed;

    private DeterminismAgent() {
    }

    /**
     * Installs the agent in {@link Mode#FAIL fail mode} into the running JVM, if it is not installed yet.
     *
     * @throws IllegalStateException if the JVM does not let an agent attach to it; the message says what to do
     */
    public static void install() {
        install(Mode.FAIL);
    }

    /**
     * Installs the agent into the running JVM in {@code mode}, if it is not installed yet. If it is, this does
     * nothing: the mode it was installed with (by the {@code -javaagent} flag, say) stays.
     *
     * <p>Attaching to the running JVM takes a fraction of a second; on JDK 9 and later without
     * {@code -Djdk.attach.allowAttachSelf=true}, ByteBuddy attaches from a helper process, which takes longer.
     *
     * @param mode what a forbidden call does; never {@code null}
     * @throws IllegalStateException if the JVM does not let an agent attach to it; the message says what to do
     */
    public static synchronized void install(Mode mode) {
        requireMode(mode);
        if (installed != null) {
            return;
        }
        Instrumentation instrumentation;
        try {
            instrumentation = ByteBuddyAgent.install();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the determinism agent could not attach to this JVM (" + e.getMessage()
                    + "): run on a JDK rather than a JRE, start the JVM with -javaagent: and the hourglass-agent"
                    + " javaagent jar, or turn the agent off (TestEnvironmentOptions.Builder"
                    + ".setDeterminismAgentEnabled(false), or -Dhourglass.determinismAgent=false)", e);
        }
        installWith(instrumentation, mode);
    }

    /** Whether the agent is installed in this JVM. */
    public static synchronized boolean isInstalled() {
        return installed != null;
    }

    /** The mode the agent was installed with, or {@code null} if it is not installed. */
    public static synchronized Mode getMode() {
        return installed;
    }

    /**
     * Entry point of {@code -javaagent}: installs the agent before the application's {@code main}.
     *
     * @param arguments {@code mode=fail} (the default when empty) or {@code mode=log}
     * @param instrumentation given by the JVM
     * @throws IllegalArgumentException if the arguments are neither, which stops the JVM with the message
     */
    public static void premain(String arguments, Instrumentation instrumentation) {
        installWith(instrumentation, parse(arguments));
    }

    /**
     * Entry point of an agent loaded into a running JVM; the same as {@link #premain}.
     *
     * @param arguments {@code mode=fail} (the default when empty) or {@code mode=log}
     * @param instrumentation given by the JVM
     */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        premain(arguments, instrumentation);
    }

    private static synchronized void installWith(Instrumentation instrumentation, Mode mode) {
        if (installed != null) {
            return;
        }
        Installer.install(instrumentation, mode == Mode.FAIL);
        installed = mode;
    }

    static Mode parse(String arguments) {
        if (arguments == null || arguments.isBlank()) {
            return Mode.FAIL;
        }
        String text = arguments.trim().toLowerCase(Locale.ROOT);
        switch (text) {
            case "mode=fail":
                return Mode.FAIL;
            case "mode=log":
                return Mode.LOG;
            default:
                throw new IllegalArgumentException("the determinism agent takes mode=fail or mode=log, not '"
                        + arguments + "'");
        }
    }

    private static void requireMode(Mode mode) {
        if (mode == null) {
            throw new NullPointerException("mode");
        }
    }
}
