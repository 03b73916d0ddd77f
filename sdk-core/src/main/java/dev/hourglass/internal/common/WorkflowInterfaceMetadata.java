package dev.hourglass.internal.common;

import dev.hourglass.common.Values;
import dev.hourglass.workflow.DynamicWorkflow;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.Map;

/** What a {@code @WorkflowInterface} declares: its workflow type, workflow method, signals and queries. */
public final class WorkflowInterfaceMetadata {

    private final Class<?> interfaceType;
    private final String workflowType;
    private final Method workflowMethod;
    private final Map<String, Method> signals;
    private final Map<String, Method> queries;

    WorkflowInterfaceMetadata(Class<?> interfaceType, String workflowType, Method workflowMethod,
            Map<String, Method> signals, Map<String, Method> queries) {
        this.interfaceType = interfaceType;
        this.workflowType = workflowType;
        this.workflowMethod = workflowMethod;
        this.signals = Collections.unmodifiableMap(signals);
        this.queries = Collections.unmodifiableMap(queries);
    }

    /**
     * The metadata of a {@link DynamicWorkflow}: the workflow type {@code dynamicType}, which stands for every type
     * no other implementation runs, the workflow method {@link DynamicWorkflow#execute}, and no signal or query.
     */
    public static WorkflowInterfaceMetadata dynamic(String dynamicType) {
        try {
            return new WorkflowInterfaceMetadata(DynamicWorkflow.class, dynamicType,
                    DynamicWorkflow.class.getMethod("execute", Values.class), Map.of(), Map.of());
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("DynamicWorkflow has no execute(Values) method", e);
        }
    }

    /** Whether this describes a {@link DynamicWorkflow}, whose workflow method takes the arguments undecoded. */
    public boolean isDynamic() {
        return interfaceType == DynamicWorkflow.class;
    }

    public Class<?> interfaceType() {
        return interfaceType;
    }

    public String workflowType() {
        return workflowType;
    }

    public Method workflowMethod() {
        return workflowMethod;
    }

    /** Signal methods by signal name, ordered by method name. */
    public Map<String, Method> signals() {
        return signals;
    }

    /** Query methods by query name, ordered by method name. */
    public Map<String, Method> queries() {
        return queries;
    }

    /** Returns the signal name of a method, or {@code null} if it is not a signal method. */
    public String signalName(Method method) {
        return nameOf(signals, method);
    }

    /** Returns the query name of a method, or {@code null} if it is not a query method. */
    public String queryName(Method method) {
        return nameOf(queries, method);
    }

    private static String nameOf(Map<String, Method> methods, Method method) {
        for (Map.Entry<String, Method> entry : methods.entrySet()) {
            if (entry.getValue().equals(method)) {
                return entry.getKey();
            }
        }
        return null;
    }
}
