package dev.hourglass.internal.replay;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Invokes user methods, rethrowing what they throw as it is. */
public final class Reflection {

    private Reflection() {
    }

    /** Calls {@code method} on {@code target}; an exception thrown by the method propagates unwrapped. */
    public static Object invoke(Method method, Object target, Object[] args) {
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw Reflection.<RuntimeException>sneaky(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call " + method + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
