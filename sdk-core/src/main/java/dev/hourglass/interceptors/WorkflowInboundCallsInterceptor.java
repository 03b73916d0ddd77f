package dev.hourglass.interceptors;

import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Takes the calls into the workflow code of one run: the workflow method, signals, queries and updates; an
 * interceptor passes each on to the next one, and the last calls the code.
 *
 * <p>Everything here runs as workflow code, on the run's workflow threads, and runs again each time the run is
 * rebuilt by replay. It must be deterministic as workflow code is: no clock, no randomness, no I/O (the determinism
 * agent checks it like workflow code); log with {@code Workflow.getLogger}, which is silent during replay, and
 * count or measure only what the history makes the same on every replay.
 *
 * <p>There are no headers: the history format has none yet, so nothing can be propagated from a client or a parent
 * to the workflow code through its inputs.
 *
 * @see WorkflowInboundCallsInterceptorBase
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface WorkflowInboundCallsInterceptor {

    /**
     * Called once per run, before any other call, with the outbound chain the workflow code's calls go through.
     * An interceptor that wraps the outbound calls passes its own wrapper to the next interceptor's {@code init}:
     *
     * <pre>{@code
     * public void init(WorkflowOutboundCallsInterceptor outbound) {
     *     super.init(new CountingOutbound(outbound));
     * }
     * }</pre>
     *
     * @param outbound the outbound calls, as the interceptors after this one see them; never {@code null}
     */
    void init(WorkflowOutboundCallsInterceptor outbound);

    /**
     * Runs the workflow method.
     *
     * @param input the workflow's arguments; never {@code null}
     * @return the workflow's result; never {@code null}
     */
    WorkflowOutput execute(WorkflowInput input);

    /**
     * Runs the handler of a signal, on the signal's own workflow thread.
     *
     * @param input the signal; never {@code null}
     */
    void handleSignal(SignalInput input);

    /**
     * Runs the handler of a query. Like the handler, it may only read the workflow's state: anything that would
     * record a command or wait throws {@link IllegalStateException}.
     *
     * @param input the query; never {@code null}
     * @return the answer; never {@code null}
     */
    QueryOutput handleQuery(QueryInput input);

    /**
     * Runs the validator of an update, before the update is accepted; throwing rejects the update, and nothing is
     * recorded. Like the validator, it may only read the workflow's state: anything that would record a command or
     * wait throws {@link IllegalStateException}.
     *
     * @param input the update; never {@code null}
     */
    void validateUpdate(UpdateInput input);

    /**
     * Runs the handler of an accepted update, on the update's own workflow thread; what it returns completes the
     * update.
     *
     * @param input the update; never {@code null}
     * @return the handler's result; never {@code null}
     */
    UpdateOutput executeUpdate(UpdateInput input);

    /**
     * The arguments of the workflow method, as decoded from the history (a dynamic workflow's one
     * {@code Values}).
     */
    final class WorkflowInput {
        private final Object[] arguments;

        /**
         * Creates the input.
         *
         * @param arguments the arguments; never {@code null} (an empty array for none)
         */
        public WorkflowInput(Object[] arguments) {
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
        }

        /**
         * Returns the arguments.
         *
         * @return a copy of the arguments; never {@code null}
         */
        public Object[] getArguments() {
            return arguments.clone();
        }

        @Override
        public String toString() {
            return "WorkflowInput" + Arrays.toString(arguments);
        }
    }

    /** The result of the workflow method, which the run completes with. */
    final class WorkflowOutput {
        private final Object result;

        /**
         * Creates the output.
         *
         * @param result the result; {@code null} for none
         */
        public WorkflowOutput(Object result) {
            this.result = result;
        }

        /**
         * Returns the result.
         *
         * @return the result; may be {@code null}
         */
        public Object getResult() {
            return result;
        }

        @Override
        public String toString() {
            return "WorkflowOutput[" + result + "]";
        }
    }

    /**
     * A signal: its name, its arguments decoded as the handler's parameters (a dynamic signal handler's one
     * {@code Values}), and the id of the event that recorded it. The handler is the one chosen by the recorded name;
     * an interceptor that changes the name does not choose another handler.
     */
    final class SignalInput {
        private final String signalName;
        private final Object[] arguments;
        private final long eventId;

        /**
         * Creates the input.
         *
         * @param signalName the signal's name; never {@code null}
         * @param arguments the arguments; never {@code null}
         * @param eventId the id of the {@code WorkflowExecutionSignaled} event; pass the one received on
         */
        public SignalInput(String signalName, Object[] arguments, long eventId) {
            this.signalName = Objects.requireNonNull(signalName, "signalName");
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
            this.eventId = eventId;
        }

        /**
         * Returns the signal's name.
         *
         * @return the name; never {@code null}
         */
        public String getSignalName() {
            return signalName;
        }

        /**
         * Returns the arguments.
         *
         * @return a copy of the arguments; never {@code null}
         */
        public Object[] getArguments() {
            return arguments.clone();
        }

        /**
         * Returns the id of the event that recorded the signal.
         *
         * @return the event id
         */
        public long getEventId() {
            return eventId;
        }

        @Override
        public String toString() {
            return "SignalInput[" + signalName + Arrays.toString(arguments) + ", eventId=" + eventId + "]";
        }
    }

    /**
     * A query: its name and its arguments decoded as the handler's parameters (a dynamic query handler's one
     * {@code Values}). The handler is the one chosen by the name the client sent.
     */
    final class QueryInput {
        private final String queryName;
        private final Object[] arguments;

        /**
         * Creates the input.
         *
         * @param queryName the query's name; never {@code null}
         * @param arguments the arguments; never {@code null}
         */
        public QueryInput(String queryName, Object[] arguments) {
            this.queryName = Objects.requireNonNull(queryName, "queryName");
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
        }

        /**
         * Returns the query's name.
         *
         * @return the name; never {@code null}
         */
        public String getQueryName() {
            return queryName;
        }

        /**
         * Returns the arguments.
         *
         * @return a copy of the arguments; never {@code null}
         */
        public Object[] getArguments() {
            return arguments.clone();
        }

        @Override
        public String toString() {
            return "QueryInput[" + queryName + Arrays.toString(arguments) + "]";
        }
    }

    /** The answer to a query, which the client receives. */
    final class QueryOutput {
        private final Object result;

        /**
         * Creates the output.
         *
         * @param result the answer; may be {@code null}
         */
        public QueryOutput(Object result) {
            this.result = result;
        }

        /**
         * Returns the answer.
         *
         * @return the answer; may be {@code null}
         */
        public Object getResult() {
            return result;
        }

        @Override
        public String toString() {
            return "QueryOutput[" + result + "]";
        }
    }

    /**
     * An update: its name, its id, and its arguments decoded as the handler's parameters (a dynamic update handler's
     * one {@code Values}).
     */
    final class UpdateInput {
        private final String updateName;
        private final String updateId;
        private final Object[] arguments;

        /**
         * Creates the input.
         *
         * @param updateName the update's name; never {@code null}
         * @param updateId the update's id; never {@code null}
         * @param arguments the arguments; never {@code null}
         */
        public UpdateInput(String updateName, String updateId, Object[] arguments) {
            this.updateName = Objects.requireNonNull(updateName, "updateName");
            this.updateId = Objects.requireNonNull(updateId, "updateId");
            this.arguments = Objects.requireNonNull(arguments, "arguments").clone();
        }

        /**
         * Returns the update's name.
         *
         * @return the name; never {@code null}
         */
        public String getUpdateName() {
            return updateName;
        }

        /**
         * Returns the update's id, as recorded when it is accepted.
         *
         * @return the id; never {@code null}
         */
        public String getUpdateId() {
            return updateId;
        }

        /**
         * Returns the arguments.
         *
         * @return a copy of the arguments; never {@code null}
         */
        public Object[] getArguments() {
            return arguments.clone();
        }

        @Override
        public String toString() {
            return "UpdateInput[" + updateName + Arrays.toString(arguments) + ", updateId=" + updateId + "]";
        }
    }

    /** The result of an update's handler, which the client receives. */
    final class UpdateOutput {
        private final Object result;

        /**
         * Creates the output.
         *
         * @param result the handler's result; may be {@code null}
         */
        public UpdateOutput(Object result) {
            this.result = result;
        }

        /**
         * Returns the handler's result.
         *
         * @return the result; may be {@code null}
         */
        public Object getResult() {
            return result;
        }

        @Override
        public String toString() {
            return "UpdateOutput[" + result + "]";
        }
    }
}
