package dev.hourglass.interceptors;

import dev.hourglass.activity.ActivityExecutionContext;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * An {@link ActivityInboundCallsInterceptor} that passes every call on to {@code next}: extend it and override the
 * calls to wrap.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public class ActivityInboundCallsInterceptorBase implements ActivityInboundCallsInterceptor {

    /** The next interceptor of the chain; never {@code null}. */
    protected final ActivityInboundCallsInterceptor next;

    /**
     * Creates an interceptor that passes the calls on to {@code next}.
     *
     * @param next the next interceptor; never {@code null}
     */
    public ActivityInboundCallsInterceptorBase(ActivityInboundCallsInterceptor next) {
        this.next = Objects.requireNonNull(next, "next");
    }

    @Override
    public void init(ActivityExecutionContext context) {
        next.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
        return next.execute(input);
    }
}
