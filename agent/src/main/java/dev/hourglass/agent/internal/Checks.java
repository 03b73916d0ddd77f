package dev.hourglass.agent.internal;

import dev.hourglass.internal.replay.DeterminismGuard;
import dev.hourglass.internal.replay.WorkflowExecutor;
import java.util.List;

/**
 * The checks that rewritten call sites run just before a forbidden call: each asks the engine whether the calling
 * thread runs checked workflow code, and reports the call if it does. Outside workflow code a check costs the
 * engine's thread-local reads and nothing else.
 *
 * <p>Public because the classes of the application call it; not an API.
 */
public final class Checks {

    /** Internal name of this class, as rewritten call sites name it. */
    static final String INTERNAL_NAME = "dev/hourglass/agent/internal/Checks";

    /** For each catalog entry, the type a receiver must be an instance of to count, or {@code null}. */
    private static final Class<?>[] RECEIVER_TYPES = receiverTypes();

    private Checks() {
    }

    /**
     * Checks a call site that calls the catalog entry {@code entryId}.
     *
     * @throws dev.hourglass.failure.NondeterministicCallError in fail mode, when called from workflow code
     */
    public static void check(int entryId) {
        WorkflowExecutor execution = DeterminismGuard.checkedExecution();
        if (execution != null) {
            Violations.report(execution, entryId, null);
        }
    }

    /**
     * Checks a call site whose method is the catalog entry {@code entryId} when its receiver is an instance of the
     * entry's receiver type ({@code myThread.start()} on a user's subclass of {@code Thread}).
     *
     * @throws dev.hourglass.failure.NondeterministicCallError in fail mode, when called from workflow code and the
     *     receiver counts
     */
    public static void checkReceiver(Object receiver, int entryId) {
        WorkflowExecutor execution = DeterminismGuard.checkedExecution();
        if (execution != null && RECEIVER_TYPES[entryId].isInstance(receiver)) {
            Violations.report(execution, entryId, null);
        }
    }

    /** Checks the invocation of a function whose code is the call {@code entryId}, written at {@code callSite}. */
    static void checkReference(int entryId, String callSite) {
        WorkflowExecutor execution = DeterminismGuard.checkedExecution();
        if (execution != null) {
            Violations.report(execution, entryId, callSite);
        }
    }

    /** The receiver type of an entry, loaded from the JDK; {@code null} for an entry without one. */
    static Class<?> receiverType(int entryId) {
        return RECEIVER_TYPES[entryId];
    }

    private static Class<?>[] receiverTypes() {
        List<ForbiddenCalls.Entry> entries = ForbiddenCalls.entries();
        Class<?>[] types = new Class<?>[entries.size()];
        for (ForbiddenCalls.Entry entry : entries) {
            if (entry.receiverType() != null) {
                types[entry.id()] = jdkClass(entry.receiverType());
            }
        }
        return types;
    }

    /** A class of the JDK by its internal name. */
    static Class<?> jdkClass(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, null);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the catalog names " + internalName + ", which this JDK does not have", e);
        }
    }
}
