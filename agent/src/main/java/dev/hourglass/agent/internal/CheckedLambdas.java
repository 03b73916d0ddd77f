package dev.hourglass.agent.internal;

import dev.hourglass.internal.replay.Reflection;
import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.LambdaConversionException;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Method references to forbidden calls ({@code System::currentTimeMillis} as a {@code LongSupplier}): checked when
 * the function is invoked, not when it is created, so that {@code Workflow.sideEffect(Long.class,
 * System::currentTimeMillis)} stays legal.
 *
 * <p>A rewritten {@code invokedynamic} bootstraps through {@link #metafactory}, which lets {@link LambdaMetafactory}
 * make the function as usual and hands out a {@link Proxy} of its interfaces instead: each call of an abstract
 * method (the functional method and its bridges) is checked, then goes to the function; default methods run on
 * the proxy, so that the functional method they call is checked too; {@code equals} and {@code hashCode} are
 * those of the proxy's identity. Retransformation cannot add methods to a class, so nothing is generated in it.
 *
 * <p>Public because the classes of the application bootstrap through it; not an API.
 */
public final class CheckedLambdas {

    /** Internal name of this class, as rewritten call sites name it. */
    static final String INTERNAL_NAME = "dev/hourglass/agent/internal/CheckedLambdas";
    /** Flag of the second bootstrap argument: the original bootstrap is {@code altMetafactory}. */
    static final int ALTERNATE = 1;

    private static final MethodHandle WRAP;

    static {
        try {
            WRAP = MethodHandles.lookup().findStatic(CheckedLambdas.class, "wrap", MethodType.methodType(Object.class,
                    Object.class, ClassLoader.class, int.class, String.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private CheckedLambdas() {
    }

    /**
     * The entries that a method reference with this implementation may be, as the third bootstrap argument: one id
     * ({@code "12"}) for a match by owner, ids prefixed by {@code r} ({@code "r40,41"}) for entries that count
     * when the reference's owner is a subtype of their receiver type; {@code null} when none.
     */
    static String candidates(int tag, String owner, String name, String descriptor) {
        boolean constructor = tag == Opcodes.H_NEWINVOKESPECIAL;
        ForbiddenCalls.Entry entry = ForbiddenCalls.match(owner, constructor ? "<init>" : name, descriptor);
        if (entry != null) {
            return Integer.toString(entry.id());
        }
        if (tag == Opcodes.H_INVOKEVIRTUAL || tag == Opcodes.H_INVOKEINTERFACE || tag == Opcodes.H_INVOKESPECIAL) {
            int[] ids = ReceiverMatches.of(name, descriptor);
            if (ids.length > 0) {
                StringBuilder text = new StringBuilder("r");
                for (int i = 0; i < ids.length; i++) {
                    text.append(i == 0 ? "" : ",").append(ids[i]);
                }
                return text.toString();
            }
        }
        return null;
    }

    /**
     * The bootstrap method of a rewritten method reference.
     *
     * @param arguments where the reference is written ({@code String}), flags ({@code Integer}), the candidate
     *     entries (see {@link #candidates}), then the original bootstrap arguments
     */
    public static CallSite metafactory(MethodHandles.Lookup caller, String name, MethodType type, Object... arguments)
            throws LambdaConversionException {
        String callSite = (String) arguments[0];
        boolean alternate = ((Integer) arguments[1] & ALTERNATE) != 0;
        String ids = (String) arguments[2];
        Object[] original = Arrays.copyOfRange(arguments, 3, arguments.length);
        CallSite site = alternate ? LambdaMetafactory.altMetafactory(caller, name, type, original)
                : LambdaMetafactory.metafactory(caller, name, type, (MethodType) original[0],
                        (MethodHandle) original[1], (MethodType) original[2]);
        int entryId = entry(ids, (MethodHandle) original[1]);
        if (entryId < 0) {
            return site;
        }
        ClassLoader loader = caller.lookupClass().getClassLoader();
        MethodHandle wrap = MethodHandles.insertArguments(WRAP, 1, loader, entryId, callSite)
                .asType(MethodType.methodType(type.returnType(), type.returnType()));
        MethodHandle factory = MethodHandles.filterReturnValue(site.getTarget(), wrap);
        if (type.parameterCount() == 0) {
            // a function that captures nothing is made once, as LambdaMetafactory's own would be
            try {
                return new ConstantCallSite(MethodHandles.constant(type.returnType(), factory.invoke()));
            } catch (Error | RuntimeException e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return new ConstantCallSite(factory);
    }

    /** The entry a reference counts as, or -1 when its owner is no subtype of any candidate's receiver type. */
    private static int entry(String ids, MethodHandle implementation) {
        if (!ids.startsWith("r")) {
            return Integer.parseInt(ids);
        }
        Class<?> owner = implementation.type().parameterType(0);
        for (String id : ids.substring(1).split(",")) {
            int entryId = Integer.parseInt(id);
            if (Checks.receiverType(entryId).isAssignableFrom(owner)) {
                return entryId;
            }
        }
        return -1;
    }

    private static Object wrap(Object function, ClassLoader loader, int entryId, String callSite) {
        if (function == null) {
            return null;
        }
        return Proxy.newProxyInstance(loader, function.getClass().getInterfaces(),
                new CheckingHandler(function, entryId, callSite));
    }

    /** Checks every call of an abstract method of the function, then makes it. */
    private static final class CheckingHandler implements InvocationHandler {
        private final Object function;
        private final int entryId;
        private final String callSite;

        CheckingHandler(Object function, int entryId, String callSite) {
            this.function = function;
            this.entryId = entryId;
            this.callSite = callSite;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    default:
                        return function.toString();
                }
            }
            if (method.isDefault()) {
                return Reflection.invokeDefault(proxy, method, args);
            }
            Checks.checkReference(entryId, callSite);
            try {
                method.setAccessible(true);
                return method.invoke(function, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
