package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.Values;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.ActivityStub;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code Workflow.newUntypedLocalActivityStub}: local activities called by type name, without their interface. */
class UntypedLocalActivityStubTest {

    @ActivityInterface
    public interface Rates {
        double rate(String currency);
    }

    public static class FixedRates implements Rates {
        @Override
        public double rate(String currency) {
            if (currency.equals("XXX")) {
                throw ApplicationFailure.newNonRetryableFailure("no rate for XXX", "UnknownCurrency");
            }
            return currency.equals("EUR") ? 1.5 : 2.0;
        }
    }

    /** Answers every activity type with the type and its first argument. */
    public static class Echo implements DynamicActivity {
        @Override
        public Object execute(Values args) {
            return Activity.getExecutionContext().getInfo().getActivityType() + ":" + args.get(0, String.class);
        }
    }

    @WorkflowInterface
    public interface Conversion {
        @WorkflowMethod
        String convert(String currency, double amount);
    }

    static LocalActivityOptions options() {
        return LocalActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build();
    }

    /** Calls "rate" by name. */
    public static class UntypedConversion implements Conversion {
        @Override
        public String convert(String currency, double amount) {
            ActivityStub local = Workflow.newUntypedLocalActivityStub(options());
            return String.valueOf(amount * local.execute("rate", Double.class, currency));
        }
    }

    /** Calls "rate" through the typed local stub: the same command as {@link UntypedConversion}. */
    public static class TypedConversion implements Conversion {
        @Override
        public String convert(String currency, double amount) {
            return String.valueOf(amount * Workflow.newLocalActivityStub(Rates.class, options()).rate(currency));
        }
    }

    /** Calls "rate" for two currencies at once with executeAsync. */
    public static class AsyncConversion implements Conversion {
        @Override
        public String convert(String currency, double amount) {
            ActivityStub local = Workflow.newUntypedLocalActivityStub(options());
            Promise<Double> first = local.executeAsync("rate", Double.class, currency);
            Promise<Double> second = local.executeAsync("rate", Double.class, "USD");
            return first.get() * amount + "/" + second.get() * amount;
        }
    }

    /** Calls a type no interface declares, which a DynamicActivity runs. */
    public static class DynamicConversion implements Conversion {
        @Override
        public String convert(String currency, double amount) {
            return Workflow.newUntypedLocalActivityStub(options()).execute("lookUp", String.class, currency);
        }
    }

    /** Catches the failure of the local activity. */
    public static class FailingConversion implements Conversion {
        @Override
        public String convert(String currency, double amount) {
            try {
                return Workflow.newUntypedLocalActivityStub(options()).execute("rate", String.class, currency);
            } catch (ActivityFailure failure) {
                return "failed: " + ((ApplicationFailure) failure.getCause()).getType();
            }
        }
    }

    private static String run(Class<?> workflow, Object activities, String currency, Consumer<History> check) {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("rates");
            worker.registerWorkflowImplementationTypes(workflow);
            worker.registerActivitiesImplementations(activities);
            env.start();
            WorkflowClient client = env.getWorkflowClient();
            String result = client.newWorkflowStub(Conversion.class, WorkflowOptions.newBuilder()
                    .setWorkflowId("conversion-1").setTaskQueue("rates").build()).convert(currency, 10);
            check.accept(client.fetchHistory("conversion-1"));
            return result;
        }
    }

    @Test
    void callsALocalActivityByItsTypeName() {
        assertThat(run(UntypedConversion.class, new FixedRates(), "EUR", history -> { })).isEqualTo("15.0");
    }

    @Test
    void recordsTheSameMarkerAsTheTypedStubSoEitherReplaysTheOther() {
        run(UntypedConversion.class, new FixedRates(), "EUR", history ->
                assertThat(Replayer.replay(history, true, TypedConversion.class)).isEmpty());
        run(TypedConversion.class, new FixedRates(), "EUR", history ->
                assertThat(Replayer.replay(history, true, UntypedConversion.class)).isEmpty());
    }

    @Test
    void executeAsyncRunsCallsSideBySide() {
        assertThat(run(AsyncConversion.class, new FixedRates(), "EUR", history ->
                assertThat(Replayer.replay(history, true, AsyncConversion.class)).isEmpty())).isEqualTo("15.0/20.0");
    }

    @Test
    void aTypeNoInterfaceDeclaresRunsOnTheDynamicActivity() {
        assertThat(run(DynamicConversion.class, new Echo(), "EUR", history -> { })).isEqualTo("lookUp:EUR");
    }

    @Test
    void aFailureOfTheLocalActivityIsAnActivityFailure() {
        assertThat(run(FailingConversion.class, new FixedRates(), "XXX", history -> { }))
                .isEqualTo("failed: UnknownCurrency");
    }

    /** Passes null options. */
    public static class NullOptions implements Conversion {
        @Override
        public String convert(String currency, double amount) {
            Workflow.newUntypedLocalActivityStub(null);
            return "unreachable";
        }
    }

    @Test
    void nullOptionsFailTheWorkflowTaskSayingWhatToPass() {
        assertThatThrownBy(() -> run(NullOptions.class, new FixedRates(), "EUR", history -> { }))
                .isInstanceOf(WorkflowTaskFailedException.class)
                .hasStackTraceContaining("Workflow.newUntypedLocalActivityStub(null): options must not be null");
    }
}
