package dev.hourglass.agent.internal;

import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.internal.replay.DeterminismGuard;
import dev.hourglass.internal.replay.WorkflowExecutor;
import java.lang.StackWalker.StackFrame;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens once workflow code has made a forbidden call: the message names the call, where it is, the workflow
 * code that reached it and the replacement; in fail mode the error fails the workflow task (even if the code
 * catches it) and is thrown, in log mode a warning is logged once per call site and the call goes ahead.
 */
final class Violations {

    private static final Logger log = LoggerFactory.getLogger("dev.hourglass.agent.DeterminismAgent");
    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final String INTERNALS = Violations.class.getPackageName() + ".";
    /** In log mode, the call sites already reported, as {@code entry id + '@' + call site}. */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    private static volatile boolean failing = true;

    private Violations() {
    }

    /** Sets whether a forbidden call throws (fail mode) or is logged once per call site (log mode). */
    static void setFailing(boolean fail) {
        failing = fail;
    }

    static boolean isFailing() {
        return failing;
    }

    /**
     * Reports a forbidden call of workflow code of {@code execution}.
     *
     * @param callSite where the call is written, or {@code null} to take the frame that called into the agent
     */
    static void report(WorkflowExecutor execution, int entryId, String callSite) {
        ForbiddenCalls.Entry entry = ForbiddenCalls.entry(entryId);
        Class<?> workflowClass = DeterminismGuard.workflowClass(execution);
        List<StackFrame> frames = WALKER.walk(stream -> stream
                .filter(frame -> !frame.getClassName().startsWith(INTERNALS))
                .collect(Collectors.toList()));
        String site = callSite != null ? callSite : frames.isEmpty() ? "(unknown)" : format(frames.get(0));
        String workflowCode = null;
        for (StackFrame frame : frames) {
            if (isWorkflowCode(frame.getDeclaringClass(), workflowClass)) {
                workflowCode = format(frame);
                break;
            }
        }
        String message = entry.message(site, workflowCode);
        if (failing) {
            NondeterministicCallError error = new NondeterministicCallError(message);
            error.setStackTrace(withoutAgentFrames(error.getStackTrace()));
            DeterminismGuard.violated(error);
            throw error;
        }
        if (LOGGED.add(entryId + "@" + site)) {
            log.warn("{} (logged once per call site; the determinism agent runs in log mode, so the call goes ahead)",
                    message);
        }
    }

    /** The stack from the call site on: the frames of the agent that made the error are no help to the reader. */
    private static StackTraceElement[] withoutAgentFrames(StackTraceElement[] stack) {
        int first = 0;
        while (first < stack.length && stack[first].getClassName().startsWith(INTERNALS)) {
            first++;
        }
        return Arrays.copyOfRange(stack, first, stack.length);
    }

    /** Whether a frame's class is the workflow implementation class or one it inherits code from. */
    private static boolean isWorkflowCode(Class<?> frameClass, Class<?> workflowClass) {
        for (Class<?> type = workflowClass; type != null && type != Object.class; type = type.getSuperclass()) {
            if (type == frameClass) {
                return true;
            }
        }
        return false;
    }

    /** A frame as {@code com.acme.OrderImpl.place(OrderImpl.java:42)}. */
    static String format(StackFrame frame) {
        String file = frame.getFileName();
        int line = frame.getLineNumber();
        String where = file == null ? "Unknown Source" : line >= 0 ? file + ":" + line : file;
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }
}
