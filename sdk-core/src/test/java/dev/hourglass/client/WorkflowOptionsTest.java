package dev.hourglass.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.common.WorkflowIdReusePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkflowOptionsTest {

    @Test
    void buildWithoutTaskQueueSaysToSetIt() {
        assertThatThrownBy(() -> WorkflowOptions.newBuilder().setWorkflowId("order-1").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("taskQueue")
                .hasMessageContaining("setTaskQueue(");
    }

    @Test
    void defaultsAreNoIdAllowDuplicateAndNoTimeout() {
        WorkflowOptions options = WorkflowOptions.newBuilder().setTaskQueue("orders").build();

        assertThat(options.getWorkflowId()).isNull();
        assertThat(options.getTaskQueue()).isEqualTo("orders");
        assertThat(options.getWorkflowIdReusePolicy()).isEqualTo(WorkflowIdReusePolicy.ALLOW_DUPLICATE);
        assertThat(options.getWorkflowExecutionTimeout()).isNull();
    }

    @Test
    void keepsEveryOptionSet() {
        WorkflowOptions options =
                WorkflowOptions.newBuilder()
                        .setWorkflowId("order-1")
                        .setTaskQueue("orders")
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.REJECT_DUPLICATE)
                        .setWorkflowExecutionTimeout(Duration.ofDays(30))
                        .build();

        assertThat(options.getWorkflowId()).isEqualTo("order-1");
        assertThat(options.getTaskQueue()).isEqualTo("orders");
        assertThat(options.getWorkflowIdReusePolicy()).isEqualTo(WorkflowIdReusePolicy.REJECT_DUPLICATE);
        assertThat(options.getWorkflowExecutionTimeout()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void aStartDelayIsKeptAndCopied() {
        WorkflowOptions options = WorkflowOptions.newBuilder().setTaskQueue("orders")
                .setStartDelay(Duration.ofHours(2)).build();

        assertThat(options.getStartDelay()).isEqualTo(Duration.ofHours(2));
        assertThat(WorkflowOptions.newBuilder(options).build()).isEqualTo(options);
        assertThat(options.toString()).contains("startDelay=PT2H");
    }

    @Test
    void aZeroStartDelayMeansNone() {
        WorkflowOptions options = WorkflowOptions.newBuilder().setTaskQueue("orders")
                .setStartDelay(Duration.ZERO).build();

        assertThat(options.getStartDelay()).isNull();
    }

    @Test
    void rejectsANegativeStartDelay() {
        assertThatThrownBy(() -> WorkflowOptions.newBuilder().setStartDelay(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startDelay must not be negative, was PT-1S");
    }

    @Test
    void aCronScheduleIsKeptAndCopied() {
        WorkflowOptions options = WorkflowOptions.newBuilder().setTaskQueue("reports")
                .setCronSchedule("0 9 * * MON").build();

        assertThat(options.getCronSchedule()).isEqualTo("0 9 * * MON");
        assertThat(WorkflowOptions.newBuilder(options).build()).isEqualTo(options);
    }

    @Test
    void rejectsAMalformedCronScheduleQuotingIt() {
        assertThatThrownBy(() -> WorkflowOptions.newBuilder().setCronSchedule("0 9 * MON"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the cron schedule \"0 9 * MON\" is not valid");
    }

    @Test
    void rejectsAStartDelayTogetherWithACronSchedule() {
        WorkflowOptions.Builder both = WorkflowOptions.newBuilder().setTaskQueue("reports")
                .setStartDelay(Duration.ofHours(1)).setCronSchedule("@daily");

        assertThatThrownBy(both::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("set only one of setStartDelay and setCronSchedule");
    }

    @Test
    void nullReusePolicyMeansTheDefault() {
        WorkflowOptions options =
                WorkflowOptions.newBuilder().setTaskQueue("orders").setWorkflowIdReusePolicy(null).build();

        assertThat(options.getWorkflowIdReusePolicy()).isEqualTo(WorkflowIdReusePolicy.ALLOW_DUPLICATE);
    }

    @Test
    void rejectsBlankWorkflowIdNamingTheOption() {
        assertThatThrownBy(() -> WorkflowOptions.newBuilder().setWorkflowId(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflowId must not be blank, was ''");
    }

    @Test
    void rejectsBlankTaskQueue() {
        assertThatThrownBy(() -> WorkflowOptions.newBuilder().setTaskQueue("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("taskQueue must not be blank, was '  '");
    }

    @Test
    void rejectsNonPositiveExecutionTimeout() {
        assertThatThrownBy(() -> WorkflowOptions.newBuilder().setWorkflowExecutionTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("workflowExecutionTimeout must be positive, was PT0S");
    }

    @Test
    void copiedBuilderProducesEqualOptions() {
        WorkflowOptions options =
                WorkflowOptions.newBuilder()
                        .setWorkflowId("order-1")
                        .setTaskQueue("orders")
                        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY)
                        .setWorkflowExecutionTimeout(Duration.ofHours(1))
                        .build();

        WorkflowOptions copy = WorkflowOptions.newBuilder(options).build();

        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
    }

    @Test
    void optionsWithDifferentIdsAreNotEqual() {
        WorkflowOptions first = WorkflowOptions.newBuilder().setWorkflowId("a").setTaskQueue("q").build();

        WorkflowOptions second = WorkflowOptions.newBuilder(first).setWorkflowId("b").build();

        assertThat(second).isNotEqualTo(first);
        assertThat(first.getWorkflowId()).isEqualTo("a");
    }

    @Test
    void toStringNamesTheOptions() {
        WorkflowOptions options = WorkflowOptions.newBuilder().setWorkflowId("order-1").setTaskQueue("orders").build();

        assertThat(options)
                .hasToString(
                        "WorkflowOptions{workflowId='order-1', taskQueue='orders', workflowIdReusePolicy=ALLOW_DUPLICATE, "
                                + "workflowExecutionTimeout=null, startDelay=null}");
    }

    @Test
    void workflowExecutionsWithEqualIdsAreEqual() {
        assertThat(new WorkflowExecution("order-1", "run-1"))
                .isEqualTo(new WorkflowExecution("order-1", "run-1"))
                .hasSameHashCodeAs(new WorkflowExecution("order-1", "run-1"))
                .isNotEqualTo(new WorkflowExecution("order-1", "run-2"))
                .hasToString("WorkflowExecution{workflowId='order-1', runId='run-1'}");
    }

    @Test
    void workflowExecutionRequiresAWorkflowId() {
        assertThatThrownBy(() -> new WorkflowExecution(null, "run-1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("workflowId");
    }
}
