package dev.hourglass.internal.replay;

/** Finds the frame of user workflow code in a stack, for error messages that name the line. */
final class CodeLocations {

    private static final String[] SDK_PREFIXES = {
        "dev.hourglass.internal.", "dev.hourglass.workflow.", "dev.hourglass.activity.", "dev.hourglass.failure.",
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "$Proxy", "com.fasterxml."
    };

    private static final String DELIVERY_CLASS = WorkflowExecutor.class.getName();
    private static final String DELIVERY_METHOD = "deliver";
    private static final String THREAD_CLASS = WorkflowThread.class.getName();
    private static final String THREAD_BODY = "main";

    private CodeLocations() {
    }

    /**
     * The first user frame of the calling thread, like {@code TransferImpl.transfer(TransferImpl.java:42)}.
     * Frames below the delivery of an event are not searched: the thread that delivers events may be a
     * blocked workflow thread, whose own code is not what produced the command. Nor are frames below the body
     * of the workflow thread: they belong to whoever runs the task (a test, the replayer), not to the workflow.
     */
    static String callerLocation() {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(DELIVERY_CLASS) && frame.getMethodName().equals(DELIVERY_METHOD)
                    || frame.getClassName().equals(THREAD_CLASS) && frame.getMethodName().equals(THREAD_BODY)) {
                return null;
            }
            if (isUserFrame(frame.getClassName())) {
                return format(frame);
            }
        }
        return null;
    }

    /**
     * A frame as {@code Class.method(File.java:42)}, without the class loader and module that
     * {@link StackTraceElement#toString()} adds for frames taken from another thread.
     */
    static String format(StackTraceElement frame) {
        String file = frame.getFileName();
        String where = file == null ? "Unknown Source" : frame.getLineNumber() >= 0 ? file + ":" + frame.getLineNumber()
                : file;
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }

    /** The first user frame of a stack, or {@code null} if none. */
    static String userFrame(StackTraceElement[] stack) {
        if (stack == null) {
            return null;
        }
        for (StackTraceElement frame : stack) {
            if (isUserFrame(frame.getClassName())) {
                return format(frame);
            }
        }
        return null;
    }

    private static boolean isUserFrame(String className) {
        for (String prefix : SDK_PREFIXES) {
            if (className.startsWith(prefix)) {
                return false;
            }
        }
        return !className.contains("$Proxy") && !className.startsWith("jdk.proxy");
    }
}
