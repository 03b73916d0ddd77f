package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.common.Values;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A DynamicActivity runs every activity type no other registered implementation runs. */
class DynamicActivityTest {

    @ActivityInterface
    public interface Ledger {
        String post(String entry);

        String archive(String entry);
    }

    @WorkflowInterface
    public interface Bookkeeping {
        @WorkflowMethod
        List<String> book(String entry);
    }

    private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryPolicy(RetryPolicy.newBuilder().setInitialInterval(Duration.ofMillis(10)).setMaximumAttempts(3)
                    .build())
            .build();

    public static class BookkeepingImpl implements Bookkeeping {
        private final Ledger ledger = Workflow.newActivityStub(Ledger.class, OPTIONS);

        @Override
        public List<String> book(String entry) {
            return List.of(ledger.post(entry), ledger.archive(entry));
        }
    }

    /** Fails its first attempt, so that retries are seen to work as for any activity. */
    public static class Fallback implements DynamicActivity {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public Object execute(Values args) {
            int attempt = Activity.getExecutionContext().getInfo().getAttempt();
            String type = Activity.getExecutionContext().getInfo().getActivityType();
            calls.add(type + "#" + attempt);
            if (attempt == 1) {
                throw ApplicationFailure.newFailure("first attempt of " + type + " fails", "Flaky");
            }
            return type + " handled " + args.get(0, String.class);
        }
    }

    final Fallback fallback = new Fallback();

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(BookkeepingImpl.class)
            .registerActivitiesImplementations(fallback, new PostingOnly())
            .build();

    /** Posting registered for "post" only, through an interface of its own. */
    @ActivityInterface
    public interface Post {
        String post(String entry);
    }

    public static class PostingOnly implements Post {
        @Override
        public String post(String entry) {
            return "posted " + entry;
        }
    }

    @Test
    void runsAnActivityTypeThatNoImplementationRegisters() {
        Bookkeeping bookkeeping = env.newWorkflowStub(Bookkeeping.class, "book-1");

        assertThat(bookkeeping.book("rent")).containsExactly("posted rent", "archive handled rent");
    }

    @Test
    void readsTheTypeOfEachAttemptAndIsRetriedLikeAnyActivity() {
        Bookkeeping bookkeeping = env.newWorkflowStub(Bookkeeping.class, "book-2");

        bookkeeping.book("rent");

        assertThat(fallback.calls).containsExactly("archive#1", "archive#2");
    }
}
