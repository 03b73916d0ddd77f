package dev.hourglass.activity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Activity interfaces that could not work as written are rejected where they are first used: when workflow code
 * creates a stub of one, and when a worker registers an implementation.
 */
class ActivityInterfaceTest {

    private static final ActivityOptions OPTIONS =
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build();

    @ActivityInterface
    public interface Greetings {
        String greet(String name);

        String greet(String name, String greeting);
    }

    public static class GreetingsImpl implements Greetings {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }

        @Override
        public String greet(String name, String greeting) {
            return greeting + " " + name;
        }
    }

    @ActivityInterface
    public interface Shipping {
        @ActivityMethod(name = "ship")
        void send(String parcel);

        @ActivityMethod(name = "ship")
        void post(String parcel);
    }

    @ActivityInterface
    public interface DistinctGreetings {
        String greet(String name);

        @ActivityMethod(name = "greetWith")
        String greet(String name, String greeting);
    }

    @ActivityInterface
    public interface Billing {
        void charge(String account);
    }

    @ActivityInterface
    public interface Refunds {
        void charge(String account, long cents);
    }

    public static class BillingAndRefunds implements Billing, Refunds {
        @Override
        public void charge(String account) {
        }

        @Override
        public void charge(String account, long cents) {
        }
    }

    @ActivityInterface
    public interface Audit {
        void record(String entry);
    }

    @ActivityInterface
    public interface Ledger {
        void record(String entry);
    }

    public static class AuditLedger implements Audit, Ledger {
        @Override
        public void record(String entry) {
        }
    }

    public static class OtherAuditLedger implements Audit {
        @Override
        public void record(String entry) {
        }
    }

    @ActivityInterface
    public interface Greeter {
        String greet(String name, String greeting);

        default String greet(String name) {
            return greet(name, "hello");
        }
    }

    @ActivityInterface
    public interface AnnotatedDefault {
        String greet(String name, String greeting);

        @ActivityMethod
        default String greet(String name) {
            return greet(name, "hello");
        }
    }

    /** Not static: Jackson cannot create one without an instance of the test class. */
    public class Parcel {
        public String label;
    }

    @ActivityInterface
    public interface Couriers {
        void deliver(List<Parcel> parcels);
    }

    private final WorkflowService service = WorkflowService.inMemory();
    private final Worker worker =
            WorkerFactory.newInstance(WorkflowClient.newInstance(service)).newWorker("activity-interface-test");

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void stubOfOverloadedActivityMethodsIsRejectedNamingTheInterfaceTheMethodsAndTheFix() {
        assertThatThrownBy(() -> Workflow.newActivityStub(Greetings.class, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Greetings.class.getName())
                .hasMessageContaining("greet(String)")
                .hasMessageContaining("greet(String, String)")
                .hasMessageContaining("activity type 'greet'")
                .hasMessageContaining("@ActivityMethod(name = \"...\")");
    }

    @Test
    void implementationOfOverloadedActivityMethodsIsRejectedAtRegistration() {
        assertThatThrownBy(() -> worker.registerActivitiesImplementations(new GreetingsImpl()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Greetings.class.getName())
                .hasMessageContaining("greet(String)")
                .hasMessageContaining("greet(String, String)");
    }

    @Test
    void twoMethodsRenamedToOneActivityTypeAreRejected() {
        assertThatThrownBy(() -> Workflow.newActivityStub(Shipping.class, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activity type 'ship'")
                .hasMessageContaining("post(String)")
                .hasMessageContaining("send(String)");
    }

    @Test
    void overloadsThatActivityMethodNamesTellApartAreAccepted() {
        assertThatCode(() -> Workflow.newActivityStub(DistinctGreetings.class, OPTIONS)).doesNotThrowAnyException();
    }

    @Test
    void implementationServingOneActivityTypeThroughTwoInterfacesIsRejectedNamingBoth() {
        assertThatThrownBy(() -> worker.registerActivitiesImplementations(new BillingAndRefunds()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(BillingAndRefunds.class.getName())
                .hasMessageContaining("activity type 'charge'")
                .hasMessageContaining("Billing.charge(String)")
                .hasMessageContaining("Refunds.charge(String, long)");
    }

    @Test
    void implementationOfTwoInterfacesDeclaringTheSameMethodRegistersIt() {
        assertThatCode(() -> worker.registerActivitiesImplementations(new AuditLedger())).doesNotThrowAnyException();
    }

    @Test
    void activityTypeRegisteredByTwoImplementationsIsRejectedNamingBothAndTheFix() {
        worker.registerActivitiesImplementations(new AuditLedger());

        assertThatThrownBy(() -> worker.registerActivitiesImplementations(new OtherAuditLedger()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activity type 'record'")
                .hasMessageContaining(AuditLedger.class.getName())
                .hasMessageContaining(OtherAuditLedger.class.getName())
                .hasMessageContaining("@ActivityMethod(name = \"...\")");
    }

    @Test
    void defaultMethodIsNotAnActivitySoItMayOverloadOne() {
        assertThatCode(() -> Workflow.newActivityStub(Greeter.class, OPTIONS)).doesNotThrowAnyException();
    }

    @Test
    void activityMethodAnnotationOnADefaultMethodIsRejected() {
        assertThatThrownBy(() -> Workflow.newActivityStub(AnnotatedDefault.class, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(AnnotatedDefault.class.getName())
                .hasMessageContaining("greet(String)")
                .hasMessageContaining("default method")
                .hasMessageContaining("@ActivityMethod");
    }

    @Test
    void stubWithoutOptionsIsRejectedNamingTheInterfaceAndTheOptionToSet() {
        assertThatThrownBy(() -> Workflow.newActivityStub(Greeter.class, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Greeter.class.getName())
                .hasMessageContaining("setStartToCloseTimeout");
    }

    @Test
    void activityParameterOfANonStaticInnerClassIsRejected() {
        assertThatThrownBy(() -> Workflow.newActivityStub(Couriers.class, OPTIONS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Couriers.deliver(List)")
                .hasMessageContaining(Parcel.class.getName())
                .hasMessageContaining("non-static inner class")
                .hasMessageContaining("static");
    }
}
