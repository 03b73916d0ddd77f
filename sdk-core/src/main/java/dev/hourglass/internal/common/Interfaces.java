package dev.hourglass.internal.common;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityMethod;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
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
            return Collections.unmodifiableMap(readActivityMethods(type));
        }
    };


    private Interfaces() {
    }

    /**
     * Metadata of a {@code @WorkflowInterface}, cached per class.
     *
     * @throws IllegalArgumentException naming the method and what to change when the interface could not work:
     *         not one {@code @WorkflowMethod}, a method with none or several of the three annotations (a default
     *         method may have none), two signal or two query methods of one name, a signal returning a value, a
     *         query returning none, or a parameter or result type that cannot be decoded from JSON
     */
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

    /** Returns the {@code @WorkflowInterface} types a class implements, directly or through other interfaces. */
    public static List<Class<?>> workflowInterfacesOf(Class<?> implementation) {
        List<Class<?>> found = new ArrayList<>();
        collectWorkflowInterfaces(implementation, found);
        return found;
    }

    /** The signal and query methods of a handler object registered at run time, by name. */
    public record ListenerMethods(Map<String, Method> signals, Map<String, Method> queries) {
    }

    /**
     * Reads the {@code @SignalMethod} and {@code @QueryMethod} methods of every interface a handler object's class
     * implements (with {@code Workflow.registerListener}); the interfaces need no {@code @WorkflowInterface}.
     *
     * @throws IllegalArgumentException if a signal method returns a value, a query method returns none, two methods
     *         of different signatures share a name, or a parameter or result type cannot be decoded from JSON
     */
    public static ListenerMethods listenerMethods(Class<?> listenerClass) {
        Map<String, Method> signals = new LinkedHashMap<>();
        Map<String, Method> queries = new LinkedHashMap<>();
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> c = listenerClass; c != null && c != Object.class; c = c.getSuperclass()) {
            collectInterfaces(c.getInterfaces(), interfaces);
        }
        for (Class<?> type : interfaces) {
            for (Method method : methodsInOrder(type)) {
                SignalMethod sm = method.getAnnotation(SignalMethod.class);
                QueryMethod qm = method.getAnnotation(QueryMethod.class);
                if (sm == null && qm == null || method.getDeclaringClass() != type) {
                    continue;
                }
                roleOf(type, method, sm, qm);
                Signatures.requirePayloadTypes(method, sm != null ? "@SignalMethod" : "@QueryMethod");
                if (sm != null && method.getReturnType() != void.class) {
                    throw new IllegalArgumentException("@SignalMethod " + Signatures.describe(method)
                            + " must return void");
                }
                if (qm != null && method.getReturnType() == void.class) {
                    throw new IllegalArgumentException("@QueryMethod " + Signatures.describe(method)
                            + " must return a value");
                }
                Map<String, Method> target = sm != null ? signals : queries;
                String name = sm != null ? (sm.name().isEmpty() ? method.getName() : sm.name())
                        : (qm.name().isEmpty() ? method.getName() : qm.name());
                Method previous = target.get(name);
                if (previous == null || !Signatures.sameSignature(previous, method)) {
                    putUniquely(type, target, name, method, sm != null ? "SignalMethod" : "QueryMethod",
                            sm != null ? "a signal" : "a query");
                }
            }
        }
        return new ListenerMethods(signals, queries);
    }

    /** Adds every interface among {@code interfaces} and those they extend, each once, in declaration order. */
    private static void collectInterfaces(Class<?>[] interfaces, List<Class<?>> result) {
        for (Class<?> i : interfaces) {
            if (!result.contains(i)) {
                result.add(i);
                collectInterfaces(i.getInterfaces(), result);
            }
        }
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
            if (Modifier.isStatic(method.getModifiers())
                    || Signatures.redeclaresObjectMethod(method)) {
                continue;
            }
            WorkflowMethod wm = method.getAnnotation(WorkflowMethod.class);
            SignalMethod sm = method.getAnnotation(SignalMethod.class);
            QueryMethod qm = method.getAnnotation(QueryMethod.class);
            String role = roleOf(type, method, wm, sm, qm);
            if (role == null) {
                continue;
            }
            Signatures.requirePayloadTypes(method, role);
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
                putUniquely(type, signals, sm.name().isEmpty() ? method.getName() : sm.name(), method, "SignalMethod",
                        "a signal");
            } else {
                if (method.getReturnType() == void.class) {
                    throw new IllegalArgumentException("@QueryMethod " + type.getSimpleName() + "."
                            + method.getName() + " must return a value");
                }
                putUniquely(type, queries, qm.name().isEmpty() ? method.getName() : qm.name(), method, "QueryMethod",
                        "a query");
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
     * Returns which of a workflow, signal or query method a method of a workflow interface is, as its annotation
     * ({@code "@SignalMethod"}), or {@code null} for a default method that is none of them (the implementation
     * may call it; a stub cannot).
     *
     * @throws IllegalArgumentException if the method carries several of the annotations, or is abstract and
     *         carries none
     */
    private static String roleOf(Class<?> type, Method method, Annotation... annotations) {
        List<String> present = new ArrayList<>();
        for (Annotation annotation : annotations) {
            if (annotation != null) {
                present.add("@" + annotation.annotationType().getSimpleName());
            }
        }
        if (present.size() > 1) {
            throw new IllegalArgumentException(Signatures.describe(method) + " carries " + String.join(" and ", present)
                    + ": a method of a @WorkflowInterface is a workflow, a signal or a query method, not several;"
                    + " keep one annotation");
        }
        if (present.isEmpty() && !method.isDefault()) {
            throw new IllegalArgumentException(Signatures.describe(method) + " of @WorkflowInterface " + type.getName()
                    + " has none of @WorkflowMethod, @SignalMethod or @QueryMethod, so no stub could call it: annotate"
                    + " it, give it a default body, or move it to an interface of the implementation's own");
        }
        return present.isEmpty() ? null : present.get(0);
    }

    /** Adds a signal or query method by name, rejecting a second method of the same name. */
    private static void putUniquely(Class<?> type, Map<String, Method> methods, String name, Method method,
            String annotation, String what) {
        Method previous = methods.putIfAbsent(name, method);
        if (previous != null) {
            throw new IllegalArgumentException("@WorkflowInterface " + type.getName() + " has two @" + annotation
                    + "s named '" + name + "': " + Signatures.describe(previous) + " and "
                    + Signatures.describe(method) + ". The name of " + what + " reaches one method, so the other could"
                    + " never be called: rename one, or give it @" + annotation + "(name = \"...\")");
        }
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
     * Returns the activity type of every abstract method of an {@code @ActivityInterface}, by method name; the
     * map is read once per interface (a workflow creates its activity stubs each time it is replayed) and
     * cannot be modified. Default methods are not activities and are left out.
     *
     * @throws IllegalArgumentException if the interface is not an activity interface, two of its methods have one
     *         activity type, a default method carries {@code @ActivityMethod}, or a parameter or result type cannot
     *         be decoded from JSON
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
        Map<String, Method> byType = new LinkedHashMap<>();
        String prefix = type.getAnnotation(ActivityInterface.class).namePrefix();
        for (Method method : methodsInOrder(type)) {
            if (method.getDeclaringClass() == Object.class
                    || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            ActivityMethod am = method.getAnnotation(ActivityMethod.class);
            if (method.isDefault()) {
                if (am != null) {
                    throw new IllegalArgumentException(Signatures.describe(method) + " of @ActivityInterface "
                            + type.getName() + " is a default method annotated with @ActivityMethod, but a default"
                            + " method is not an activity: calling it on a stub runs its body in workflow code."
                            + " Remove its body to make it an activity, or remove @ActivityMethod");
                }
                continue;
            }
            Signatures.requirePayloadTypes(method, "activity method");
            String activityType = prefix + (am == null || am.name().isEmpty() ? method.getName() : am.name());
            Method previous = byType.putIfAbsent(activityType, method);
            if (previous != null && !Signatures.sameSignature(previous, method)) {
                throw new IllegalArgumentException("@ActivityInterface " + type.getName() + " has two methods of"
                        + " activity type '" + activityType + "': " + Signatures.describe(previous) + " and "
                        + Signatures.describe(method) + ". An activity type names one method, so a call of one could"
                        + " run the other: rename one, or give one @ActivityMethod(name = \"...\"); a convenience"
                        + " overload may also be a default method that calls the other (default methods are not"
                        + " activities)");
            }
            result.put(method, activityType);
        }
        return result;
    }

    /**
     * Returns the activity methods an activity implementation object serves, by activity type, in interface order
     * and then by method name. Two interfaces may declare the same method (same name and parameter types): the
     * implementation has one method for both.
     *
     * @throws IllegalArgumentException if its class implements no {@code @ActivityInterface}, or serves one
     *         activity type through two different methods
     */
    public static Map<String, Method> activityTypesOf(Object implementation) {
        List<Class<?>> interfaces = activityInterfacesOf(implementation.getClass());
        if (interfaces.isEmpty()) {
            throw new IllegalArgumentException(implementation.getClass().getName() + " implements no"
                    + " @ActivityInterface: activity implementations must implement an interface annotated with it");
        }
        Map<String, Method> result = new LinkedHashMap<>();
        for (Class<?> activityInterface : interfaces) {
            activityMethods(activityInterface).forEach((method, type) -> {
                Method previous = result.putIfAbsent(type, method);
                if (previous != null && !Signatures.sameSignature(previous, method)) {
                    throw new IllegalArgumentException(implementation.getClass().getName() + " serves activity type '"
                            + type + "' through two different methods of the @ActivityInterfaces it implements, "
                            + Signatures.describe(previous) + " and " + Signatures.describe(method) + ", and a worker"
                            + " can run only one of them: rename one, or give one @ActivityMethod(name = \"...\")");
                }
            });
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
