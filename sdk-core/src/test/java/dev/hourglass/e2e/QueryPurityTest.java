package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowQueryException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A query method that would record a command or wait is refused, naming the call, and the history is untouched. */
class QueryPurityTest {

    @ActivityInterface
    public interface Lookup {
        String find(String key);
    }

    @WorkflowInterface
    public interface Shop {
        @WorkflowMethod
        String open();

        @QueryMethod
        String ask(String how);
    }

    public static class ShopImpl implements Shop {
        private final Lookup lookup = Workflow.newActivityStub(Lookup.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

        @Override
        public String open() {
            Workflow.sleep(Duration.ofHours(1));
            return "closed";
        }

        @Override
        public String ask(String how) {
            switch (how) {
                case "sideEffect":
                    return Workflow.sideEffect(String.class, () -> "fresh");
                case "sleep":
                    Workflow.sleep(Duration.ofMinutes(1));
                    return "slept";
                case "activity":
                    return lookup.find("price");
                case "newTimer":
                    return Workflow.newTimer(Duration.ofMinutes(1)).isCompleted() ? "fired" : "pending";
                case "getVersion":
                    return String.valueOf(Workflow.getVersion("new-change", Workflow.DEFAULT_VERSION, 1));
                default:
                    return "open";
            }
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ShopImpl.class)
            .registerActivitiesImplementations((Lookup) key -> "42")
            .build();

    @ParameterizedTest
    @CsvSource({
        "sideEffect, Workflow.sideEffect",
        "sleep, 'A timer (Workflow.sleep, Workflow.newTimer)'",
        "activity, Activity find",
        "newTimer, 'A timer (Workflow.sleep, Workflow.newTimer)'",
        "getVersion, 'Workflow.getVersion(\"new-change\", ...) for a change not reached yet'"
    })
    void aQueryThatWouldRecordACommandFailsNamingTheCallAndLeavesTheHistoryAlone(String how, String call) {
        Shop shop = env.newWorkflowStub(Shop.class, "shop-" + how);
        WorkflowClient.start(shop::open);
        History before = env.awaitHistory("shop-" + how, "the shop's timer started",
                h -> Events.firstIndexOf(h, EventType.TimerStarted) >= 0);

        assertThatThrownBy(() -> shop.ask(how))
                .isInstanceOf(WorkflowQueryException.class)
                .hasMessageContaining(call + " was called from query method 'ask' of workflow Shop")
                .hasMessageContaining("a query only reads the workflow's state");

        assertThat(env.history("shop-" + how).getEvents()).isEqualTo(before.getEvents());
    }

    @Test
    void aQueryThatOnlyReadsIsAnswered() {
        Shop shop = env.newWorkflowStub(Shop.class, "shop-reads");
        WorkflowClient.start(shop::open);

        assertThat(shop.ask("read")).isEqualTo("open");
    }
}
