package dev.hourglass.internal.replay;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Invokes user methods and constructors, rethrowing what they throw as it is. */
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

    /**
     * Calls {@code constructor}; what it throws (its body or a field initialiser, such as a stub created with
     * options that are not valid) propagates unwrapped, so that the message saying what to fix comes first.
     */
    public static Object newInstance(Constructor<?> constructor) {
        return newInstance(constructor, new Object[0]);
    }

    /** Calls {@code constructor} with {@code args}, like {@link #newInstance(Constructor)}. */
    public static Object newInstance(Constructor<?> constructor, Object[] args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw Reflection.<RuntimeException>sneaky(e.getCause());
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot create " + constructor.getDeclaringClass().getName() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Runs the body of a default method of an interface on a proxy of it; what the body throws propagates
     * unwrapped. {@link InvocationHandler#invokeDefault} refuses an interface that is not public, so for one of
     * those the body is called through a private lookup in the interface, which code on the class path may make.
     *
     * @throws IllegalStateException if the interface is in a module that does not open its package to Hourglass
     */
    public static Object invokeDefault(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            return InvocationHandler.invokeDefault(proxy, method, args);
        } catch (IllegalAccessException notPublic) {
            Class<?> declaring = method.getDeclaringClass();
            MethodHandle body;
            try {
                body = MethodHandles.privateLookupIn(declaring, MethodHandles.lookup()).findSpecial(declaring,
                        method.getName(), MethodType.methodType(method.getReturnType(), method.getParameterTypes()),
                        declaring);
            } catch (IllegalAccessException | NoSuchMethodException e) {
                throw new IllegalStateException("cannot run the default method " + method + " on a stub: "
                        + declaring.getName() + " is not accessible to Hourglass (" + e.getMessage() + "); make it"
                        + " public, or open its package to Hourglass", e);
            }
            return body.asFixedArity().bindTo(proxy).invokeWithArguments(args == null ? new Object[0] : args);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
