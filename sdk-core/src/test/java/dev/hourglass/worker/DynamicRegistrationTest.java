package dev.hourglass.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.client.WorkflowClient;
import dev.hourglass.common.Values;
import dev.hourglass.service.WorkflowService;
import dev.hourglass.workflow.DynamicWorkflow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A worker has at most one dynamic workflow and one dynamic activity. */
class DynamicRegistrationTest {

    public static class FirstWorkflow implements DynamicWorkflow {
        @Override
        public Object execute(Values args) {
            return null;
        }
    }

    public static class SecondWorkflow implements DynamicWorkflow {
        @Override
        public Object execute(Values args) {
            return null;
        }
    }

    public static class AnyActivity implements DynamicActivity {
        @Override
        public Object execute(Values args) {
            return null;
        }
    }

    private final WorkflowService service = WorkflowService.inMemory();
    private final WorkerFactory factory = WorkerFactory.newInstance(WorkflowClient.newInstance(service));
    private final Worker worker = factory.newWorker("dynamic");

    @AfterEach
    void closeService() {
        factory.shutdown();
        service.close();
    }

    @Test
    void refusesASecondDynamicWorkflowNamingTheFirst() {
        worker.registerWorkflowImplementationTypes(FirstWorkflow.class);

        assertThatThrownBy(() -> worker.registerWorkflowImplementationTypes(SecondWorkflow.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(SecondWorkflow.class.getName() + " is a DynamicWorkflow, but "
                        + FirstWorkflow.class.getName() + " is already registered")
                .hasMessageContaining("a worker has at most one");
    }

    @Test
    void refusesASecondDynamicActivityNamingTheFirst() {
        worker.registerActivitiesImplementations(new AnyActivity());

        assertThatThrownBy(() -> worker.registerActivitiesImplementations(new AnyActivity()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is already registered as the DynamicActivity of task queue 'dynamic'");
    }

    @Test
    void refusesTwoDynamicActivitiesInOneCall() {
        assertThatThrownBy(() -> worker.registerActivitiesImplementations(new AnyActivity(), new AnyActivity()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a worker has at most one");
    }
}
