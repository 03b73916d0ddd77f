package dev.hourglass.internal.common;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityMethod;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Reads workflow and activity interfaces: the names of their workflow, signal, query and activity methods. */
public final class Interfaces {

    private static final Map<Class<?>, WorkflowInterfaceMetadata> WORKFLOWS = new ConcurrentHashMap<>();
    /** Activity types by method, per activity interface; see {@link #activityMethods}. */
    private static final ClassValue<Map<Method, String>> ACTIVITY_METHODS = new ClassValue<>() {
        @Override
        protected Map<Method, String> computeValue(Class<?> type) {
            return java.util.Collections.unmodifiableMap(readActivityMethods(type));
        }
    };


    private Interfaces() {
    }

    /** Metadata of a {@code @WorkflowInterface}, cached per class. */
    public static WorkflowInterfaceMetadata workflowInterface(Class<?> type) {
        return WORKFLOWS.computeIfAbsent(type, Interfaces::readWorkflowInterface);
    }

    /** Finds the {@code @WorkflowInterface} implemented by a workflow implementation class. */
    public static WorkflowInterfaceMetadata workflowInterfaceOfImplementation(Class<?> implementation) {
        List<Class<?>> found = new ArrayList<>();
        collectWorkflowInterfaces(implementation, found);
        if (found.isEmpty()) {
            throw new IllegalArgumentException(implementation.getName()
                    + " implements no @WorkflowInterface: a workflow implementation type must implement an interface"
                    + " annotated with @WorkflowInterface that has one @WorkflowMethod");
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException(implementation.getName() + " implements several @WorkflowInterface"
                    + " types " + found + ": implement exactly one");
        }
        return workflowInterface(found.get(0));
    }

    private static void collectWorkflowInterfaces(Class<?> type, List<Class<?>> found) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            collectAnnotated(c.getInterfaces(), WorkflowInterface.class, found);
        }
    }

    private static WorkflowInterfaceMetadata readWorkflowInterface(Class<?> type) {
        if (!type.isInterface() || !type.isAnnotationPresent(WorkflowInterface.class)) {
            throw new IllegalArgumentException(type.getName()
                    + " is not a workflow interface: annotate an interface with @WorkflowInterface");
        }
        Method workflowMethod = null;
        Map<String, Method> signals = new LinkedHashMap<>();
        Map<String, Method> queries = new LinkedHashMap<>();
        for (Method method : methodsInOrder(type)) {
            WorkflowMethod wm = method.getAnnotation(WorkflowMethod.class);
            SignalMethod sm = method.getAnnotation(SignalMethod.class);
            QueryMethod qm = method.getAnnotation(QueryMethod.class);
            if (wm != null) {
                if (workflowMethod != null) {
                    throw new IllegalArgumentException(type.getName() + " has two @WorkflowMethod methods, "
                            + workflowMethod.getName() + " and " + method.getName() + ": keep one");
                }
                workflowMethod = method;
            } else if (sm != null) {
                if (method.getReturnType() != void.class) {
                    throw new IllegalArgumentException("@SignalMethod " + type.getSimpleName() + "."
                            + method.getName() + " must return void");
                }
                signals.put(sm.name().isEmpty() ? method.getName() : sm.name(), method);
            } else if (qm != null) {
                if (method.getReturnType() == void.class) {
                    throw new IllegalArgumentException("@QueryMethod " + type.getSimpleName() + "."
                            + method.getName() + " must return a value");
                }
                queries.put(qm.name().isEmpty() ? method.getName() : qm.name(), method);
            }
        }
        if (workflowMethod == null) {
            throw new IllegalArgumentException(type.getName() + " has no @WorkflowMethod: annotate the method"
                    + " that runs the workflow");
        }
        String name = workflowMethod.getAnnotation(WorkflowMethod.class).name();
        String workflowType = name.isEmpty() ? type.getSimpleName() : name;
        return new WorkflowInterfaceMetadata(type, workflowType, workflowMethod, signals, queries);
    }

    /**
     * The public methods of an interface by name, then parameter types. {@link Class#getMethods()} promises no
     * order, and HotSpot's changes from one JVM launch to the next; names listed in messages, which reach
     * histories, must not.
     */
    private static List<Method> methodsInOrder(Class<?> type) {
        List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
        methods.sort(Comparator.comparing(Method::getName)
                .thenComparing(method -> Arrays.toString(method.getParameterTypes())));
        return methods;
    }

    /**
     * Returns the activity type of every method of an {@code @ActivityInterface}, by method name; the
     * map is read once per interface (a workflow creates its activity stubs each time it is replayed) and
     * cannot be modified.
     */
    public static Map<Method, String> activityMethods(Class<?> type) {
        return ACTIVITY_METHODS.get(type);
    }

    private static Map<Method, String> readActivityMethods(Class<?> type) {
        if (!type.isInterface() || !type.isAnnotationPresent(ActivityInterface.class)) {
            throw new IllegalArgumentException(type.getName()
                    + " is not an activity interface: annotate an interface with @ActivityInterface");
        }
        Map<Method, String> result = new LinkedHashMap<>();
        for (Method method : methodsInOrder(type)) {
            if (method.getDeclaringClass() == Object.class || method.isDefault()
                    || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            ActivityMethod am = method.getAnnotation(ActivityMethod.class);
            result.put(method, am == null || am.name().isEmpty() ? method.getName() : am.name());
        }
        return result;
    }

    /**
     * Returns the activity methods an activity implementation object serves, by activity type, in interface order
     * and then by method name.
     *
     * @throws IllegalArgumentException if its class implements no {@code @ActivityInterface}
     */
    public static Map<String, Method> activityTypesOf(Object implementation) {
        List<Class<?>> interfaces = activityInterfacesOf(implementation.getClass());
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException(implementation.getClass().getName() + " implements no"
                    + " @ActivityInterface: activity implementations must implement an interface annotated with it");
        }
        Map<String, Method> result = new LinkedHashMap<>();
        for (Class<?> activityInterface : interfaces) {
            activityMethods(activityInterface).forEach((method, type) -> result.put(type, method));
        }
        return result;
    }

    /**
     * Returns every {@code @ActivityInterface} implemented by an activity implementation object's class, directly
     * or through interfaces that extend it (as the class of a mock of such an interface does).
     */
    public static List<Class<?>> activityInterfacesOf(Class<?> implementation) {
        List<Class<?>> result = new ArrayList<>();
        for (Class<?> c = implementation; c != null && c != Object.class; c = c.getSuperclass()) {
            collectAnnotated(c.getInterfaces(), ActivityInterface.class, result);
        }
        return result;
    }

    /**
     * Adds the interfaces among {@code interfaces} that carry {@code annotation}, and looks further up only the
     * ones that do not: an annotated interface is the contract, whatever it extends.
     */
    private static void collectAnnotated(Class<?>[] interfaces, Class<? extends Annotation> annotation,
            List<Class<?>> result) {
        for (Class<?> i : interfaces) {
            if (i.isAnnotationPresent(annotation)) {
                if (!result.contains(i)) {
                    result.add(i);
                }
            } else {
                collectAnnotated(i.getInterfaces(), annotation, result);
            }
        }
    }
}
