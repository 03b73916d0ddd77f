package dev.hourglass.agent.internal.check;

/**
 * One method on the call path from workflow code to a call site.
 *
 * @param className the binary name of the method's class ({@code com.acme.OrderImpl})
 * @param methodName the method's name ({@code <init>} for a constructor, {@code lambda$place$0} for a lambda)
 * @param sourceFile the class's source file, or {@code null} when the class file does not say
 * @param line the line of the call that leads to the next method of the path, or of the reported call for the
 *     last one; -1 when the class file has no line numbers
 * @param annotatable whether the method can carry {@code @SuppressDeterminismCheck}: not a lambda body or another
 *     method the compiler made, not a static initialiser
 */
public record Step(String className, String methodName, String sourceFile, int line, boolean annotatable) {

    /** The method as a stack trace shows it: {@code com.acme.OrderImpl.place(OrderImpl.java:30)}. */
    public String location() {
        String where = sourceFile == null ? "Unknown Source" : line < 0 ? sourceFile : sourceFile + ":" + line;
        return className + "." + methodName + "(" + where + ")";
    }

    /** The method with its class's simple name: {@code OrderImpl.place}. */
    public String shortName() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
    }
}
