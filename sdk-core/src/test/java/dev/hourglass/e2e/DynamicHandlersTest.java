package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowQueryException;
import dev.hourglass.client.WorkflowStub;
import dev.hourglass.workflow.DynamicQueryHandler;
import dev.hourglass.workflow.DynamicSignalHandler;
import dev.hourglass.workflow.QueryMethod;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Signal and query handlers registered with Workflow.registerListener while the workflow runs. */
class DynamicHandlersTest {

    /** Registers its handlers once signal "open" arrives, then collects signals until one named "finish". */
    @WorkflowInterface
    public interface Inbox {
        @WorkflowMethod
        List<String> collect(String mode);

        @SignalMethod
        void open();

        @QueryMethod
        boolean isOpen();
    }

    /** Handlers an object registers at run time: no @WorkflowInterface needed. */
    public interface Tally {
        @SignalMethod
        void add(int amount);

        @QueryMethod
        int total();
    }

    public static class InboxImpl implements Inbox {
        private final List<String> received = new ArrayList<>();
        private boolean open;

        @Override
        public List<String> collect(String mode) {
            Workflow.await(() -> open);
            if (mode.equals("typed")) {
                TallyHandler tally = new TallyHandler(received);
                Workflow.registerListener(tally);
            } else if (mode.equals("nothing")) {
                try {
                    Workflow.registerListener(new Object());
                } catch (IllegalArgumentException e) {
                    return List.of(e.getMessage());
                }
            } else {
                Workflow.registerListener((DynamicSignalHandler) (name, args) ->
                        received.add(name + args.get(0, String.class)));
                Workflow.registerListener((DynamicQueryHandler) (queryType, args) ->
                        queryType + " has " + received.size() + " after " + args.get(0, String.class));
            }
            Workflow.await(() -> received.stream().anyMatch(entry -> entry.startsWith("finish")));
            return received;
        }

        @Override
        public void open() {
            open = true;
        }

        @Override
        public boolean isOpen() {
            return open;
        }
    }

    public static class TallyHandler implements Tally {
        private final List<String> received;
        private int total;

        TallyHandler(List<String> received) {
            this.received = received;
        }

        @Override
        public void add(int amount) {
            total += amount;
            received.add((total >= 10 ? "finish " : "add ") + amount);
        }

        @Override
        public int total() {
            return total;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(InboxImpl.class)
            .build();

    private Inbox start(String workflowId, String mode) {
        Inbox inbox = env.newWorkflowStub(Inbox.class, workflowId);
        WorkflowClient.start(inbox::collect, mode);
        return inbox;
    }

    @SuppressWarnings("unchecked")
    private List<Object> result(String workflowId) {
        return env.client().newUntypedWorkflowStub(workflowId).getResult(List.class);
    }

    @Test
    void dynamicSignalHandlerReceivesSignalsWithNoNamedHandler() {
        Inbox inbox = start("inbox-1", "dynamic");
        inbox.open();
        E2eEnvironment.await("the handlers are registered", () -> inbox.isOpen());
        WorkflowStub untyped = WorkflowStub.fromTyped(inbox);

        untyped.signal("note", ":a");
        untyped.signal("finish", ":b");

        assertThat(result("inbox-1")).containsExactly("note:a", "finish:b");
    }

    @Test
    void signalsThatArrivedBeforeTheHandlerAreDeliveredOnRegistrationInArrivalOrder() {
        Inbox inbox = start("inbox-2", "dynamic");
        WorkflowStub untyped = WorkflowStub.fromTyped(inbox);
        untyped.signal("early", ":1");
        untyped.signal("early", ":2");
        env.awaitHistory("inbox-2", "both early signals", history -> Events.ofType(history,
                dev.hourglass.history.EventType.WorkflowExecutionSignaled).size() == 2);

        inbox.open();
        untyped.signal("finish", ":3");

        assertThat(result("inbox-2")).containsExactly("early:1", "early:2", "finish:3");
    }

    @Test
    void dynamicQueryHandlerAnswersQueriesWithNoNamedHandler() {
        Inbox inbox = start("inbox-3", "dynamic");
        inbox.open();
        E2eEnvironment.await("the handlers are registered", () -> inbox.isOpen());
        WorkflowStub untyped = WorkflowStub.fromTyped(inbox);
        untyped.signal("note", ":a");

        E2eEnvironment.await("the note is received", () -> untyped.query("count", String.class, "now")
                .equals("count has 1 after now"));
        untyped.signal("finish", ":b");
        assertThat(result("inbox-3")).hasSize(2);
    }

    @Test
    void typedHandlerObjectRegisteredAtRunTimeReceivesItsSignalsAndQueries() {
        Inbox inbox = start("inbox-4", "typed");
        WorkflowStub untyped = WorkflowStub.fromTyped(inbox);
        untyped.signal("add", 4);
        inbox.open();
        E2eEnvironment.await("the tally is registered", () -> inbox.isOpen());
        untyped.signal("add", 3);
        E2eEnvironment.await("both amounts are added", () -> untyped.query("total", Integer.class) == 7);

        untyped.signal("add", 5);

        assertThat(result("inbox-4")).containsExactly("add 4", "add 3", "finish 5");
    }

    @Test
    void queryWithNoHandlerFailsNamingTheKnownQueries() {
        Inbox inbox = start("inbox-5", "typed");
        inbox.open();
        WorkflowStub untyped = WorkflowStub.fromTyped(inbox);
        E2eEnvironment.await("the tally is registered", () -> inbox.isOpen());

        WorkflowQueryException e = catchThrowableOfType(() -> untyped.query("missing", String.class),
                WorkflowQueryException.class);

        assertThat(e).hasMessageContaining("no query 'missing'").hasMessageContaining("[isOpen, total]");
        untyped.signal("add", 10);
        assertThat(result("inbox-5")).containsExactly("finish 10");
    }

    @Test
    void registeringAnObjectThatHandlesNothingIsRefused() {
        Inbox inbox = start("inbox-6", "nothing");

        inbox.open();

        assertThat(result("inbox-6")).singleElement().asString()
                .contains("java.lang.Object").contains("would handle nothing");
    }
}
