package dev.hourglass.samples.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.DynamicActivity;
import dev.hourglass.activity.LocalActivityOptions;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.Values;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.worker.Worker;
import dev.hourglass.workflow.ActivityStub;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A validation workflow that calls local activities by type name, which a DynamicActivity of the worker runs. */
class UntypedLocalActivitySampleTest {

    @WorkflowInterface
    public interface Validation {
        @WorkflowMethod
        String validate(String rule, String value);
    }

    // guide: local-activity-untyped begin
    public static class ValidationImpl implements Validation {
        private final ActivityStub checks = Workflow.newUntypedLocalActivityStub(LocalActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(2))
                .build());

        @Override
        public String validate(String rule, String value) {
            return checks.execute(rule, String.class, value); // the rule names the activity type
        }
    }
    // guide: local-activity-untyped end

    /** Runs every rule: the activity type is the rule's name. */
    public static class Rules implements DynamicActivity {
        @Override
        public Object execute(Values args) {
            String rule = Activity.getExecutionContext().getInfo().getActivityType();
            String value = args.get(0, String.class);
            return rule.equals("notBlank") && value.isBlank() ? "rejected by " + rule : "accepted by " + rule;
        }
    }

    @Test
    void aRuleNamedAtRunTimeRunsAsALocalActivity() {
        try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
            Worker worker = env.newWorker("validation");
            worker.registerWorkflowImplementationTypes(ValidationImpl.class);
            worker.registerActivitiesImplementations(new Rules());
            env.start();

            Validation validation = env.getWorkflowClient().newWorkflowStub(Validation.class,
                    WorkflowOptions.newBuilder().setWorkflowId("validation-1").setTaskQueue("validation").build());

            assertThat(validation.validate("notBlank", " ")).isEqualTo("rejected by notBlank");
        }
    }
}
