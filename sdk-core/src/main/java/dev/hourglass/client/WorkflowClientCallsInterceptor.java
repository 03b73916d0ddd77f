package dev.hourglass.client;

import dev.hourglass.common.WorkflowExecution;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apiguardian.api.API;

/**
 * Takes the workflow calls of a client's stubs; an interceptor passes each on to the next one, and the last sends it
 * to the service. Arguments and results here are Java values: the last one encodes the arguments with the client's
 * data converter and decodes the results.
 *
 * <p>Signals, queries, cancellation and termination address the latest run of the execution's workflow id, as the
 * stubs do.
 *
 * @see WorkflowClientCallsInterceptorBase
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowClientCallsInterceptor {

    /**
     * Starts a workflow execution.
     *
     * @param input the workflow type, arguments and options; never {@code null}
     * @return the started execution; never {@code null}
     */
    WorkflowStartOutput start(WorkflowStartInput input);

    /**
     * Signals the open run of the workflow id, or starts one with the signal.
     *
     * @param input the start and the signal; never {@code null}
     * @return the execution signaled or started; never {@code null}
     */
    WorkflowSignalWithStartOutput signalWithStart(WorkflowSignalWithStartInput input);

    /**
     * Sends a signal.
     *
     * @param input the execution, the signal's name and arguments; never {@code null}
     * @return the output; never {@code null}
     */
    WorkflowSignalOutput signal(WorkflowSignalInput input);

    /**
     * Queries an execution.
     *
     * @param input the execution, the query's name and arguments, the type of the answer; never {@code null}
     * @param <R> the answer's type
     * @return the answer; never {@code null}
     */
    <R> QueryOutput<R> query(QueryInput<R> input);

    /**
     * Sends an update and returns its handle once it reached the stage its options ask for.
     *
     * @param input the update; never {@code null}
     * @param <R> the result's type
     * @return the handle; never {@code null}
     */
    <R> StartUpdateOutput<R> startUpdate(StartUpdateInput<R> input);

    /**
     * Sends an update to the open run of a workflow id, starting a run first if none is open, and returns its handle
     * once it reached the stage its options ask for.
     *
     * @param input the start and the update; never {@code null}
     * @param <R> the result's type
     * @return the handle; never {@code null}
     */
    <R> StartUpdateOutput<R> updateWithStart(UpdateWithStartInput<R> input);

    /**
     * Waits for the result of an execution (following its continue-as-new runs), at most the input's timeout.
     *
     * @param input the execution, the result's type and the timeout; never {@code null}
     * @param <R> the result's type
     * @return the result; never {@code null}
     * @throws TimeoutException if the input has a timeout and the execution did not close within it
     */
    <R> GetResultOutput<R> getResult(GetResultInput<R> input) throws TimeoutException;

    /**
     * Returns the future of the result of an execution, failed after the input's timeout if it has one.
     *
     * @param input the execution, the result's type and the timeout; never {@code null}
     * @param <R> the result's type
     * @return the future; never {@code null}
     */
    <R> GetResultAsyncOutput<R> getResultAsync(GetResultInput<R> input);

    /**
     * Requests cancellation of an execution.
     *
     * @param input the execution; never {@code null}
     * @return the output; never {@code null}
     */
    CancelOutput cancel(CancelInput input);

    /**
     * Terminates an execution.
     *
     * @param input the execution and the reason; never {@code null}
     * @return the output; never {@code null}
     */
    TerminateOutput terminate(TerminateInput input);

    /** A start: the workflow type, the arguments of the workflow method, and the options. */
    final class WorkflowStartInput {
        private final String workflowType;
        private final Object[] arguments;
        private final WorkflowOptions options;

        /**
         * Creates the input.
         *
         * @param workflowType the workflow type; never {@code null}
         * @param arguments the arguments; never {@code null}
         * @param options the options; never {@code null}
         */
        public WorkflowStartInput(String workflowType, Object[] arguments, WorkflowOptions options) {
            this.workflowType = Objects.requireNonNull(workflowType, "workflowType");
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
            this.options = Objects.requireNonNull(options, "options");
        }

        /** Returns the workflow type; never {@code null}. */
        public String getWorkflowType() {
            return workflowType;
        }

        /** Returns a copy of the arguments; never {@code null}. */
        public Object[] getArguments() {
            return arguments.clone();
        }

        /** Returns the options; never {@code null}. */
        public WorkflowOptions getOptions() {
            return options;
        }

        /** Returns the options' workflow id, or {@code null} when the service assigns one. */
        public String getWorkflowId() {
            return options.getWorkflowId();
        }

        @Override
        public String toString() {
            return "WorkflowStartInput[" + workflowType + Arrays.toString(arguments) + ", workflowId="
                    + options.getWorkflowId() + "]";
        }
    }

    /** The execution a start started. */
    final class WorkflowStartOutput {
        private final WorkflowExecution workflowExecution;

        /**
         * Creates the output.
         *
         * @param workflowExecution the execution; never {@code null}
         */
        public WorkflowStartOutput(WorkflowExecution workflowExecution) {
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowExecution getWorkflowExecution() {
            return workflowExecution;
        }
    }

    /** A signal-with-start: the start, and the signal's name and arguments. */
    final class WorkflowSignalWithStartInput {
        private final WorkflowStartInput workflowStartInput;
        private final String signalName;
        private final Object[] signalArguments;

        /**
         * Creates the input.
         *
         * @param workflowStartInput the start; never {@code null}
         * @param signalName the signal's name; never {@code null}
         * @param signalArguments the signal's arguments; never {@code null}
         */
        public WorkflowSignalWithStartInput(WorkflowStartInput workflowStartInput, String signalName,
                Object[] signalArguments) {
            this.workflowStartInput = Objects.requireNonNull(workflowStartInput, "workflowStartInput");
            this.signalName = Objects.requireNonNull(signalName, "signalName");
            this.signalArguments = Objects.requireNonNull(signalArguments, "signalArguments").clone();
        }

        /** Returns the start; never {@code null}. */
        public WorkflowStartInput getWorkflowStartInput() {
            return workflowStartInput;
        }

        /** Returns the signal's name; never {@code null}. */
        public String getSignalName() {
            return signalName;
        }

        /** Returns a copy of the signal's arguments; never {@code null}. */
        public Object[] getSignalArguments() {
            return signalArguments.clone();
        }

        @Override
        public String toString() {
            return "WorkflowSignalWithStartInput[" + workflowStartInput + ", " + signalName
                    + Arrays.toString(signalArguments) + "]";
        }
    }

    /** The execution a signal-with-start signaled or started. */
    final class WorkflowSignalWithStartOutput {
        private final WorkflowStartOutput workflowStartOutput;

        /**
         * Creates the output.
         *
         * @param workflowStartOutput the execution; never {@code null}
         */
        public WorkflowSignalWithStartOutput(WorkflowStartOutput workflowStartOutput) {
            this.workflowStartOutput = Objects.requireNonNull(workflowStartOutput, "workflowStartOutput");
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowStartOutput getWorkflowStartOutput() {
            return workflowStartOutput;
        }
    }

    /** A signal: the execution, the signal's name and its arguments. */
    final class WorkflowSignalInput {
        private final WorkflowExecution workflowExecution;
        private final String signalName;
        private final Object[] arguments;

        /**
         * Creates the input.
         *
         * @param workflowExecution the execution; never {@code null}
         * @param signalName the signal's name; never {@code null}
         * @param arguments the arguments; never {@code null}
         */
        public WorkflowSignalInput(WorkflowExecution workflowExecution, String signalName, Object[] arguments) {
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
            this.signalName = Objects.requireNonNull(signalName, "signalName");
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowExecution getWorkflowExecution() {
            return workflowExecution;
        }

        /** Returns the signal's name; never {@code null}. */
        public String getSignalName() {
            return signalName;
        }

        /** Returns a copy of the arguments; never {@code null}. */
        public Object[] getArguments() {
            return arguments.clone();
        }

        @Override
        public String toString() {
            return "WorkflowSignalInput[" + workflowExecution.getWorkflowId() + ", " + signalName
                    + Arrays.toString(arguments) + "]";
        }
    }

    /** The outcome of a signal: it was recorded. */
    final class WorkflowSignalOutput {
    }

    /**
     * An update: the execution (its run id {@code null} for the open run), the update's name and arguments, its
     * options (id, stage to wait for), and the type to decode the handler's result as.
     *
     * @param <R> the result's type
     */
    final class StartUpdateInput<R> {
        private final WorkflowExecution workflowExecution;
        private final String updateName;
        private final Object[] arguments;
        private final UpdateOptions options;
        private final Class<R> resultClass;
        private final Type resultType;

        /**
         * Creates the input.
         *
         * @param workflowExecution the execution; never {@code null}
         * @param updateName the update's name; never {@code null}
         * @param arguments the arguments; never {@code null}
         * @param options the update id and the stage to wait for; never {@code null}
         * @param resultClass the result's class; never {@code null}
         * @param resultType the result's generic type; never {@code null}
         */
        public StartUpdateInput(WorkflowExecution workflowExecution, String updateName, Object[] arguments,
                UpdateOptions options, Class<R> resultClass, Type resultType) {
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
            this.updateName = Objects.requireNonNull(updateName, "updateName");
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
            this.options = Objects.requireNonNull(options, "options");
            this.resultClass = Objects.requireNonNull(resultClass, "resultClass");
            this.resultType = Objects.requireNonNull(resultType, "resultType");
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowExecution getWorkflowExecution() {
            return workflowExecution;
        }

        /** Returns the update's name; never {@code null}. */
        public String getUpdateName() {
            return updateName;
        }

        /** Returns a copy of the arguments; never {@code null}. */
        public Object[] getArguments() {
            return arguments.clone();
        }

        /** Returns the update's options; never {@code null}. */
        public UpdateOptions getOptions() {
            return options;
        }

        /** Returns the result's class; never {@code null}. */
        public Class<R> getResultClass() {
            return resultClass;
        }

        /** Returns the result's generic type; never {@code null}. */
        public Type getResultType() {
            return resultType;
        }

        @Override
        public String toString() {
            return "StartUpdateInput[" + workflowExecution.getWorkflowId() + ", " + updateName
                    + Arrays.toString(arguments) + "]";
        }
    }

    /**
     * An update-with-start: the start, used only if no run of the workflow id is open, and the update.
     *
     * @param <R> the update result's type
     */
    final class UpdateWithStartInput<R> {
        private final WorkflowStartInput workflowStartInput;
        private final StartUpdateInput<R> startUpdateInput;

        /**
         * Creates the input.
         *
         * @param workflowStartInput the start; never {@code null}
         * @param startUpdateInput the update (its execution names the workflow id); never {@code null}
         */
        public UpdateWithStartInput(WorkflowStartInput workflowStartInput, StartUpdateInput<R> startUpdateInput) {
            this.workflowStartInput = Objects.requireNonNull(workflowStartInput, "workflowStartInput");
            this.startUpdateInput = Objects.requireNonNull(startUpdateInput, "startUpdateInput");
        }

        /** Returns the start; never {@code null}. */
        public WorkflowStartInput getWorkflowStartInput() {
            return workflowStartInput;
        }

        /** Returns the update; never {@code null}. */
        public StartUpdateInput<R> getStartUpdateInput() {
            return startUpdateInput;
        }
    }

    /**
     * A sent update: its handle, once the update reached the stage asked for.
     *
     * @param <R> the result's type
     */
    final class StartUpdateOutput<R> {
        private final WorkflowUpdateHandle<R> handle;

        /**
         * Creates the output.
         *
         * @param handle the update's handle; never {@code null}
         */
        public StartUpdateOutput(WorkflowUpdateHandle<R> handle) {
            this.handle = Objects.requireNonNull(handle, "handle");
        }

        /** Returns the update's handle; never {@code null}. */
        public WorkflowUpdateHandle<R> getHandle() {
            return handle;
        }
    }

    /**
     * A query: the execution, the query's name and arguments, and the type to decode the answer as.
     *
     * @param <R> the answer's type
     */
    final class QueryInput<R> {
        private final WorkflowExecution workflowExecution;
        private final String queryType;
        private final Object[] arguments;
        private final Class<R> resultClass;
        private final Type resultType;

        /**
         * Creates the input.
         *
         * @param workflowExecution the execution; never {@code null}
         * @param queryType the query's name; never {@code null}
         * @param arguments the arguments; never {@code null}
         * @param resultClass the answer's class; never {@code null}
         * @param resultType the answer's generic type; never {@code null}
         */
        public QueryInput(WorkflowExecution workflowExecution, String queryType, Object[] arguments,
                Class<R> resultClass, Type resultType) {
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
            this.queryType = Objects.requireNonNull(queryType, "queryType");
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
            this.resultClass = Objects.requireNonNull(resultClass, "resultClass");
            this.resultType = Objects.requireNonNull(resultType, "resultType");
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowExecution getWorkflowExecution() {
            return workflowExecution;
        }

        /** Returns the query's name; never {@code null}. */
        public String getQueryType() {
            return queryType;
        }

        /** Returns a copy of the arguments; never {@code null}. */
        public Object[] getArguments() {
            return arguments.clone();
        }

        /** Returns the answer's class; never {@code null}. */
        public Class<R> getResultClass() {
            return resultClass;
        }

        /** Returns the answer's generic type; never {@code null}. */
        public Type getResultType() {
            return resultType;
        }

        @Override
        public String toString() {
            return "QueryInput[" + workflowExecution.getWorkflowId() + ", " + queryType + Arrays.toString(arguments)
                    + "]";
        }
    }

    /**
     * The answer to a query.
     *
     * @param <R> the answer's type
     */
    final class QueryOutput<R> {
        private final R result;

        /**
         * Creates the output.
         *
         * @param result the answer; may be {@code null}
         */
        public QueryOutput(R result) {
            this.result = result;
        }

        /** Returns the answer; may be {@code null}. */
        public R getResult() {
            return result;
        }
    }

    /**
     * A wait for a result: the execution, the type to decode the result as, and how long to wait.
     *
     * @param <R> the result's type
     */
    final class GetResultInput<R> {
        private final WorkflowExecution workflowExecution;
        private final Class<R> resultClass;
        private final Type resultType;
        private final long timeout;
        private final TimeUnit timeoutUnit;

        /**
         * Creates the input.
         *
         * @param workflowExecution the execution; never {@code null}
         * @param resultClass the result's class; never {@code null}
         * @param resultType the result's generic type; never {@code null}
         * @param timeout how long to wait, in {@code timeoutUnit}; ignored without a unit
         * @param timeoutUnit the unit of {@code timeout}; {@code null} to wait as long as it takes
         */
        public GetResultInput(WorkflowExecution workflowExecution, Class<R> resultClass, Type resultType,
                long timeout, TimeUnit timeoutUnit) {
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
            this.resultClass = Objects.requireNonNull(resultClass, "resultClass");
            this.resultType = Objects.requireNonNull(resultType, "resultType");
            this.timeout = timeout;
            this.timeoutUnit = timeoutUnit;
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowExecution getWorkflowExecution() {
            return workflowExecution;
        }

        /** Returns the result's class; never {@code null}. */
        public Class<R> getResultClass() {
            return resultClass;
        }

        /** Returns the result's generic type; never {@code null}. */
        public Type getResultType() {
            return resultType;
        }

        /** Returns how long to wait, in {@link #getTimeoutUnit()}; meaningless without a unit. */
        public long getTimeout() {
            return timeout;
        }

        /** Returns the unit of the timeout, or {@code null} to wait as long as it takes. */
        public TimeUnit getTimeoutUnit() {
            return timeoutUnit;
        }

        @Override
        public String toString() {
            return "GetResultInput[" + workflowExecution.getWorkflowId() + ", " + resultType.getTypeName()
                    + (timeoutUnit == null ? "" : ", timeout=" + timeout + " " + timeoutUnit) + "]";
        }
    }

    /**
     * The result of an execution.
     *
     * @param <R> the result's type
     */
    final class GetResultOutput<R> {
        private final R result;

        /**
         * Creates the output.
         *
         * @param result the result; may be {@code null}
         */
        public GetResultOutput(R result) {
            this.result = result;
        }

        /** Returns the result; may be {@code null}. */
        public R getResult() {
            return result;
        }
    }

    /**
     * The future of the result of an execution.
     *
     * @param <R> the result's type
     */
    final class GetResultAsyncOutput<R> {
        private final CompletableFuture<R> result;

        /**
         * Creates the output.
         *
         * @param result the future of the result; never {@code null}
         */
        public GetResultAsyncOutput(CompletableFuture<R> result) {
            this.result = Objects.requireNonNull(result, "result");
        }

        /** Returns the future of the result; never {@code null}. */
        public CompletableFuture<R> getResult() {
            return result;
        }
    }

    /** A cancellation request: the execution. */
    final class CancelInput {
        private final WorkflowExecution workflowExecution;

        /**
         * Creates the input.
         *
         * @param workflowExecution the execution; never {@code null}
         */
        public CancelInput(WorkflowExecution workflowExecution) {
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowExecution getWorkflowExecution() {
            return workflowExecution;
        }
    }

    /** The outcome of a cancellation request: it was recorded. */
    final class CancelOutput {
    }

    /** A termination: the execution and the reason. */
    final class TerminateInput {
        private final WorkflowExecution workflowExecution;
        private final String reason;

        /**
         * Creates the input.
         *
         * @param workflowExecution the execution; never {@code null}
         * @param reason the reason; may be {@code null}
         */
        public TerminateInput(WorkflowExecution workflowExecution, String reason) {
            this.workflowExecution = Objects.requireNonNull(workflowExecution, "workflowExecution");
            this.reason = reason;
        }

        /** Returns the execution; never {@code null}. */
        public WorkflowExecution getWorkflowExecution() {
            return workflowExecution;
        }

        /** Returns the reason; may be {@code null}. */
        public String getReason() {
            return reason;
        }
    }

    /** The outcome of a termination: it was recorded. */
    final class TerminateOutput {
    }
}
