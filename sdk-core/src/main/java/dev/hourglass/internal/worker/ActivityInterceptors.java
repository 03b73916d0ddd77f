package dev.hourglass.internal.worker;

import dev.hourglass.activity.ActivityExecutionContext;
import dev.hourglass.interceptors.ActivityInboundCallsInterceptor;
import dev.hourglass.interceptors.WorkerInterceptor;
import dev.hourglass.internal.replay.Reflection;
import java.util.List;

/**
 * Runs an activity attempt through the worker interceptors' activity chains: each interceptor wraps the next, the
 * first the outermost, and the last calls the activity method.
 */
final class ActivityInterceptors {

    private ActivityInterceptors() {
    }

    /**
     * Calls the activity method of {@code implementation} with {@code args} through the chain of {@code interceptors}
     * and returns its result; what the method or an interceptor throws propagates unchanged.
     */
    static Object invoke(List<WorkerInterceptor> interceptors, ActivityExecutionContext context,
            ActivityTaskHandler.ActivityImplementation implementation, Object[] args) {
        if (interceptors.isEmpty()) {
            return Reflection.invoke(implementation.method(), implementation.target(), args);
        }
        ActivityInboundCallsInterceptor head = new Root(implementation);
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            WorkerInterceptor interceptor = interceptors.get(i);
            head = interceptor.interceptActivity(head);
            if (head == null) {
                throw new IllegalStateException(interceptor.getClass().getName() + ".interceptActivity returned"
                        + " null for activity " + context.getInfo().getActivityType() + ": return the interceptor"
                        + " that takes the call, or the 'next' it was given to wrap nothing");
            }
        }
        head.init(context);
        return head.execute(new ActivityInboundCallsInterceptor.ActivityInput(args)).getResult();
    }

    /** The end of the chain: calls the activity method. */
    private static final class Root implements ActivityInboundCallsInterceptor {

        private final ActivityTaskHandler.ActivityImplementation implementation;

        Root(ActivityTaskHandler.ActivityImplementation implementation) {
            this.implementation = implementation;
        }

        @Override
        public void init(ActivityExecutionContext context) {
            // the activity code reads its context through Activity.getExecutionContext()
        }

        @Override
        public ActivityOutput execute(ActivityInput input) {
            return new ActivityOutput(Reflection.invoke(implementation.method(), implementation.target(),
                    input.getArguments()));
        }
    }
}
