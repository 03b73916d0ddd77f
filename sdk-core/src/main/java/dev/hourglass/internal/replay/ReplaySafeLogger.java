package dev.hourglass.internal.replay;

import java.lang.reflect.Proxy;
import java.util.Set;
import org.slf4j.Logger;

/** Wraps a logger so that its logging calls do nothing while workflow code replays. */
public final class ReplaySafeLogger {

    private static final Set<String> LOGGING_METHODS = Set.of("trace", "debug", "info", "warn", "error");

    private ReplaySafeLogger() {
    }

    /** Returns a logger that drops log calls made while the calling workflow code replays. */
    public static Logger wrap(Logger delegate) {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (self, method, args) -> {
                    if (LOGGING_METHODS.contains(method.getName()) && isReplaying()) {
                        return null;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return Stubs.objectMethod(self, method, args, "ReplaySafeLogger(" + delegate.getName() + ")");
                    }
                    return Reflection.invoke(method, delegate, args);
                });
    }

    private static boolean isReplaying() {
        WorkflowThread thread = WorkflowThread.current();
        return thread != null && thread.executor().isReplaying();
    }
}
