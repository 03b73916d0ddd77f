package dev.hourglass.internal.replay;

/** Finds the frame of user workflow code in a stack, for error messages that name the line. */
final class CodeLocations {

    private static final String[] SDK_PREFIXES = {
        "dev.hourglass.internal.", "dev.hourglass.workflow.", "dev.hourglass.activity.", "dev.hourglass.failure.",
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "$Proxy", "com.fasterxml."
    };

    private static final String DELIVERY_CLASS = WorkflowExecutor.class.getName();
    private static final String DELIVERY_METHOD = "deliver";

    private CodeLocations() {
    }

    /**
     * The first user frame of the calling thread, like {@code TransferImpl.transfer(TransferImpl.java:42)}.
     * Frames below the delivery of an event are not searched: the thread that delivers events may be a
     * blocked workflow thread, whose own code is not what produced the command.
     */
    static String callerLocation() {
        StackTraceElement[] stack = new Throwable().getStackTrace();
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().equals(DELIVERY_CLASS) && frame.getMethodName().equals(DELIVERY_METHOD)) {
                return null;
            }
            if (isUserFrame(frame.getClassName())) {
                return frame.toString();
            }
        }
        return null;
    }

    /** The first user frame of a stack, or {@code null} if none. */
    static String userFrame(StackTraceElement[] stack) {
        if (stack == null) {
            return null;
        }
        for (StackTraceElement frame : stack) {
            if (isUserFrame(frame.getClassName())) {
                return frame.toString();
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
