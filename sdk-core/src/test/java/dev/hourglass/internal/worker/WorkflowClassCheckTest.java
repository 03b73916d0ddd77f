package dev.hourglass.internal.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.internal.spi.WorkflowClassCheck;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.worker.Worker;
import dev.hourglass.worker.WorkerFactory;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A worker runs the installed workflow class check on each class it registers, unless its factory turned checks off. */
class WorkflowClassCheckTest {

    @WorkflowInterface
    public interface Greeting {
        @WorkflowMethod
        String greet(String name);
    }

    @WorkflowInterface
    public interface Farewell {
        @WorkflowMethod
        String bid(String name);
    }

    public static class Hello implements Greeting {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    public static class Goodbye implements Farewell {
        @Override
        public String bid(String name) {
            return "goodbye " + name;
        }
    }

    @FakeWorkflowClassCheck.Refused
    public static class RefusedHello implements Greeting {
        @Override
        public String greet(String name) {
            return "hello " + name;
        }
    }

    private final WorkflowService service = WorkflowService.inMemory();
    private final WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    private final Worker worker = factory.newWorker("workflow-class-check-test");

    @BeforeEach
    void forgetEarlierChecks() {
        FakeWorkflowClassCheck.CHECKED.clear();
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    @Test
    void theInstalledCheckIsTheImplementationOnTheClassPath() {
        assertThat(WorkflowClassCheck.installed()).isInstanceOf(FakeWorkflowClassCheck.class);
    }

    @Test
    void eachRegisteredClassIsCheckedInOrder() {
        worker.registerWorkflowImplementationTypes(Hello.class, Goodbye.class);

        assertThat(FakeWorkflowClassCheck.CHECKED).containsExactly(Hello.class, Goodbye.class);
    }

    @Test
    void aClassTheCheckRefusesIsNotRegistered() {
        assertThatThrownBy(() -> worker.registerWorkflowImplementationTypes(RefusedHello.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(RefusedHello.class.getName() + " is refused by the fake check");

        // its workflow type is still free
        worker.registerWorkflowImplementationTypes(Hello.class);
    }

    @Test
    void noClassIsCheckedWhenTheFactoryTurnedDeterminismChecksOff() {
        ((WorkerFactoryImpl) factory).setDeterminismChecked(false);

        worker.registerWorkflowImplementationTypes(RefusedHello.class);

        assertThat(FakeWorkflowClassCheck.CHECKED).isEmpty();
    }
}
