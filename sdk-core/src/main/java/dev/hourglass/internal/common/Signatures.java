package dev.hourglass.internal.common;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Reads the signatures of workflow and activity methods: how messages name them, and whether they can work. */
final class Signatures {

    private Signatures() {
    }

    /** Names a method as a user reads it in their source: {@code Accounts.withdraw(String, long)}. */
    static String describe(Method method) {
        return method.getDeclaringClass().getSimpleName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    /** Whether two methods have the same name and parameter types: one method seen through two interfaces. */
    static boolean sameSignature(Method a, Method b) {
        return a.getName().equals(b.getName()) && Arrays.equals(a.getParameterTypes(), b.getParameterTypes());
    }

    /** Whether {@code method} redeclares a public method of {@code Object} ({@code toString()}, …). */
    static boolean redeclaresObjectMethod(Method method) {
        try {
            Object.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /**
     * Rejects a method whose parameters or result cannot travel as JSON payloads because their type is, or contains,
     * a non-static inner class: Jackson cannot create one without an instance of the enclosing class, so the
     * method would fail only once a value arrives, in a workflow task retried forever or a result never read.
     *
     * @throws IllegalArgumentException naming the method, the class and what to change
     */
    static void requirePayloadTypes(Method method, String kind) {
        for (Type parameter : method.getGenericParameterTypes()) {
            requirePayloadType(method, kind, "takes", parameter);
        }
        if (method.getReturnType() != void.class) {
            requirePayloadType(method, kind, "returns", method.getGenericReturnType());
        }
    }

    private static void requirePayloadType(Method method, String kind, String verb, Type type) {
        Class<?> inner = innerClassIn(type);
        if (inner != null) {
            throw new IllegalArgumentException(kind + " " + describe(method) + " " + verb + " " + inner.getName()
                    + ", a non-static inner class: it cannot be decoded from JSON, because creating one needs an"
                    + " instance of " + inner.getEnclosingClass().getSimpleName() + ". Declare " + inner.getSimpleName()
                    + " static, or make it a record or a top-level class");
        }
    }

    /** The first non-static inner class in a type: itself, an array's elements, or a type argument; or null. */
    private static Class<?> innerClassIn(Type type) {
        if (type instanceof Class<?> c) {
            if (c.isArray()) {
                return innerClassIn(c.getComponentType());
            }
            return c.isMemberClass() && !Modifier.isStatic(c.getModifiers()) ? c : null;
        }
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = innerClassIn(parameterized.getRawType());
            return raw != null ? raw : firstInnerClassIn(parameterized.getActualTypeArguments());
        }
        if (type instanceof GenericArrayType array) {
            return innerClassIn(array.getGenericComponentType());
        }
        if (type instanceof WildcardType wildcard) {
            Class<?> upper = firstInnerClassIn(wildcard.getUpperBounds());
            return upper != null ? upper : firstInnerClassIn(wildcard.getLowerBounds());
        }
        return null; // a type variable: what it stands for is known only at the call
    }

    private static Class<?> firstInnerClassIn(Type[] types) {
        for (Type type : types) {
            Class<?> inner = innerClassIn(type);
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }
}
