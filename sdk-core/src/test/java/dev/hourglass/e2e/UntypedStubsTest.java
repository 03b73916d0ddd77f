package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.common.RetryPolicy;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.internal.replay.WorkflowImplementation;
import dev.hourglass.workflow.ActivityStub;
import dev.hourglass.workflow.ChildWorkflowOptions;
import dev.hourglass.workflow.ChildWorkflowStub;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Untyped activity and child workflow stubs call by type name and record what typed stubs record, so a history of
 * one replays, strictly, against the other.
 */
class UntypedStubsTest {

    @ActivityInterface(namePrefix = "Billing_")
    public interface Billing {
        String charge(String customer, int cents);

        List<String> lines(String customer);
    }

    public static class BillingImpl implements Billing {
        @Override
        public String charge(String customer, int cents) {
            if (cents < 0) {
                throw ApplicationFailure.newNonRetryableFailure("negative amount " + cents, "Refused");
            }
            return "charged " + customer + " " + cents;
        }

        @Override
        public List<String> lines(String customer) {
            return List.of(customer + ":a", customer + ":b");
        }
    }

    @WorkflowInterface
    public interface Receipt {
        @WorkflowMethod
        String print(String text);
    }

    public static class ReceiptImpl implements Receipt {
        @Override
        public String print(String text) {
            return "receipt(" + text + ")";
        }
    }

    /** The same steps written with typed stubs and with untyped ones. */
    @WorkflowInterface
    public interface TypedCheckout {
        @WorkflowMethod
        List<String> checkout(String customer, int cents);
    }

    @WorkflowInterface
    public interface UntypedCheckout {
        @WorkflowMethod
        List<String> checkout(String customer, int cents);
    }

    private static final ActivityOptions OPTIONS = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryPolicy(RetryPolicy.newBuilder().setMaximumAttempts(1).build())
            .build();

    private static final ChildWorkflowOptions CHILD = ChildWorkflowOptions.getDefaultInstance();

    /** {@code List<String>}, as the untyped stub is asked to decode a result. */
    private static final Type STRING_LIST = stringList();

    private static Type stringList() {
        try {
            return Billing.class.getMethod("lines", String.class).getGenericReturnType();
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    public static class TypedCheckoutImpl implements TypedCheckout {
        @Override
        public List<String> checkout(String customer, int cents) {
            Billing billing = Workflow.newActivityStub(Billing.class, OPTIONS);
            List<String> steps = new ArrayList<>();
            steps.add(billing.charge(customer, cents));
            steps.addAll(billing.lines(customer));
            steps.add(Workflow.newChildWorkflowStub(Receipt.class, CHILD).print(customer));
            return steps;
        }
    }

    public static class UntypedCheckoutImpl implements UntypedCheckout {
        @Override
        public List<String> checkout(String customer, int cents) {
            ActivityStub billing = Workflow.newUntypedActivityStub(OPTIONS);
            List<String> steps = new ArrayList<>();
            steps.add(billing.execute("Billing_charge", String.class, customer, cents));
            @SuppressWarnings("unchecked")
            Promise<List<String>> lines = (Promise<List<String>>) (Promise<?>) billing.executeAsync("Billing_lines",
                    List.class, STRING_LIST, customer);
            steps.addAll(lines.get());
            steps.add(Workflow.newUntypedChildWorkflowStub("Receipt", CHILD).execute(String.class, customer));
            return steps;
        }
    }

    /** Calls stubs in ways that must fail, and reports what each threw. */
    @WorkflowInterface
    public interface Misuse {
        @WorkflowMethod
        List<String> misuse();
    }

    public static class MisuseImpl implements Misuse {
        @Override
        public List<String> misuse() {
            List<String> thrown = new ArrayList<>();
            try {
                Workflow.newUntypedActivityStub(OPTIONS).execute("Billing_charge", String.class, "eve", -5);
            } catch (ActivityFailure e) {
                thrown.add(e.getClass().getSimpleName() + " " + ((ApplicationFailure) e.getCause()).getType());
            }
            ChildWorkflowStub receipt = Workflow.newUntypedChildWorkflowStub("Receipt", CHILD);
            Promise<String> printed = receipt.executeAsync(String.class, "eve");
            try {
                receipt.execute(String.class, "again");
            } catch (IllegalStateException e) {
                thrown.add("second start: " + e.getMessage());
            }
            try {
                receipt.signal("reprint");
            } catch (UnsupportedOperationException e) {
                thrown.add("signal: " + e.getMessage());
            }
            thrown.add(printed.get());
            thrown.add("started " + receipt.getExecution().get().getWorkflowId().endsWith("/child-1"));
            return thrown;
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(TypedCheckoutImpl.class, UntypedCheckoutImpl.class, ReceiptImpl.class,
                    MisuseImpl.class)
            .registerActivitiesImplementations(new BillingImpl())
            .build();

    @Test
    void untypedStubsCallActivitiesAndChildrenByTypeName() {
        UntypedCheckout checkout = env.newWorkflowStub(UntypedCheckout.class, "untyped-1");

        assertThat(checkout.checkout("alice", 250)).containsExactly("charged alice 250", "alice:a", "alice:b",
                "receipt(alice)");
    }

    @Test
    void failuresAndMisuseOfUntypedStubsSayWhatHappened() {
        Misuse misuse = env.newWorkflowStub(Misuse.class, "misuse-1");

        List<String> thrown = misuse.misuse();

        assertThat(thrown).hasSize(5);
        assertThat(thrown.get(0)).isEqualTo("ActivityFailure Refused");
        assertThat(thrown.get(1)).contains("already started its child workflow Receipt");
        assertThat(thrown.get(2)).contains("not supported").contains("WorkflowClient.newUntypedWorkflowStub");
        assertThat(thrown.get(3)).isEqualTo("receipt(eve)");
        assertThat(thrown.get(4)).isEqualTo("started true");
    }

    @Test
    void historyRecordedWithTypedStubsReplaysStrictlyAgainstUntypedStubs() {
        env.newWorkflowStub(TypedCheckout.class, "typed-2").checkout("bob", 10);
        History typed = env.history("typed-2");

        List<String> warnings = Replayer.replay(typed, true, WorkflowImplementation.of(UntypedCheckoutImpl.class));

        assertThat(warnings).isEmpty();
    }

    @Test
    void historyRecordedWithUntypedStubsReplaysStrictlyAgainstTypedStubs() {
        env.newWorkflowStub(UntypedCheckout.class, "untyped-3").checkout("carol", 20);
        History untyped = env.history("untyped-3");

        List<String> warnings = Replayer.replay(untyped, true, WorkflowImplementation.of(TypedCheckoutImpl.class));

        assertThat(warnings).isEmpty();
    }
}
