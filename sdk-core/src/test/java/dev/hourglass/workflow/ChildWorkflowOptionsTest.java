package dev.hourglass.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowIdReusePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChildWorkflowOptionsTest {

    @Test
    void defaultInstanceLeavesIdAndTaskQueueToTheParent() {
        ChildWorkflowOptions options = ChildWorkflowOptions.getDefaultInstance();

        assertThat(options.getWorkflowId()).isNull();
        assertThat(options.getTaskQueue()).isNull();
        assertThat(options.getWorkflowExecutionTimeout()).isNull();
        assertThat(options.getWorkflowIdReusePolicy()).isEqualTo(WorkflowIdReusePolicy.ALLOW_DUPLICATE);
    }

    @Test
    void copiedBuilderProducesEqualOptions() {
        ChildWorkflowOptions options =
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId("ship-1")
                        .setTaskQueue("shipping")
                        .setWorkflowExecutionTimeout(Duration.ofDays(7))
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                        .build();

        ChildWorkflowOptions copy = ChildWorkflowOptions.newBuilder(options).build();

        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
        assertThat(copy).isNotEqualTo(ChildWorkflowOptions.getDefaultInstance());
    }

    @Test
    void rejectsNonPositiveExecutionTimeout() {
        assertThatThrownBy(() -> ChildWorkflowOptions.newBuilder().setWorkflowExecutionTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflowExecutionTimeout must be positive, was PT-1S");
    }

    @Test
    void rejectsBlankWorkflowId() {
        assertThatThrownBy(() -> ChildWorkflowOptions.newBuilder().setWorkflowId(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflowId must not be blank, was ''");
    }
}
