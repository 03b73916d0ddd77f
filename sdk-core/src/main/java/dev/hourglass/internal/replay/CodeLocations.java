package dev.hourglass.internal.replay;

/** Finds the frame of user workflow code in a stack, for error messages that name the line. */
final class CodeLocations {

    private static final String[] SDK_PREFIXES = {
        "dev.hourglass.internal.", "dev.hourglass.workflow.", "dev.hourglass.activity.", "dev.hourglass.failure.",
        "java.", "javax.", "jdk.", "sun.", "com.sun.", "org.junit.", "$Proxy", "com.fasterxml."
    };

    private CodeLocations() {
    }

    /** The first user frame of the calling thread, like {@code TransferImpl.transfer(TransferImpl.java:42)}. */
    static String callerLocation() {
        return userFrame(new Throwable().getStackTrace());
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
