package dev.hourglass.interceptors;

import dev.hourglass.activity.ActivityExecutionContext;
import java.util.Arrays;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Takes the call into the code of one activity attempt (of an activity or a local activity); an interceptor passes
 * it on to the next one, and the last calls the activity method.
 *
 * <p>It runs on the thread that runs the attempt, not in workflow code: it may use the clock, I/O or randomness. It
 * runs once per attempt, so a retried activity passes through it again.
 *
 * @see ActivityInboundCallsInterceptorBase
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public interface ActivityInboundCallsInterceptor {

    /**
     * Called once per attempt, before {@link #execute}, with the attempt's context (the same that
     * {@code Activity.getExecutionContext()} returns to the activity code).
     *
     * @param context the attempt's context; never {@code null}
     */
    void init(ActivityExecutionContext context);

    /**
     * Runs the activity method; what it throws fails the attempt.
     *
     * @param input the arguments; never {@code null}
     * @return the result; never {@code null}
     */
    ActivityOutput execute(ActivityInput input);

    /** The arguments of the activity method, decoded as its parameters (a dynamic activity's one {@code Values}). */
    final class ActivityInput {
        private final Object[] arguments;

        /**
         * Creates the input.
         *
         * @param arguments the arguments; never {@code null}
         */
        public ActivityInput(Object[] arguments) {
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
            return "ActivityInput" + Arrays.toString(arguments);
        }
    }

    /** The result of the activity method, which the attempt completes with. */
    final class ActivityOutput {
        private final Object result;

        /**
         * Creates the output.
         *
         * @param result the result; may be {@code null}
         */
        public ActivityOutput(Object result) {
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
            return "ActivityOutput[" + result + "]";
        }
    }
}
