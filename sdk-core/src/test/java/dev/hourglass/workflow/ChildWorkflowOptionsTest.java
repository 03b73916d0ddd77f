package dev.hourglass.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.common.WorkflowIdReusePolicy;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
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

    @Test
    void cancellationTypeWaitsForTheChildToCloseUnlessSet() {
        assertThat(ChildWorkflowOptions.getDefaultInstance().getCancellationType())
                .isEqualTo(ChildWorkflowCancellationType.WAIT_CANCELLATION_COMPLETED);
    }

    @Test
    void theCancellationTypeIsCopiedComparedAndShown() {
        ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder()
                .setCancellationType(ChildWorkflowCancellationType.ABANDON).build();

        ChildWorkflowOptions copy = ChildWorkflowOptions.newBuilder(options).build();

        assertThat(copy.getCancellationType()).isEqualTo(ChildWorkflowCancellationType.ABANDON);
        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options)
                .isNotEqualTo(ChildWorkflowOptions.getDefaultInstance());
        assertThat(copy.toString()).endsWith(", cancellationType=ABANDON}");
    }

    @Test
    void rejectsANullCancellationType() {
        assertThatThrownBy(() -> ChildWorkflowOptions.newBuilder().setCancellationType(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cancellationType must not be null; the default is WAIT_CANCELLATION_COMPLETED");
    }

    @Test
    void searchAttributesAndMemoAreCopiedComparedAndShown() {
        ChildWorkflowOptions options = ChildWorkflowOptions.newBuilder()
                .setTypedSearchAttributes(SearchAttributes.newBuilder()
                        .set(SearchAttributeKey.forKeyword("OrderId"), "o-1").build())
                .setMemo(Map.of("carrier", "post"))
                .build();

        ChildWorkflowOptions copy = ChildWorkflowOptions.newBuilder(options).build();

        assertThat(copy).isEqualTo(options).hasSameHashCodeAs(options).hasToString(options.toString());
        assertThat(copy.toString()).contains("OrderId", "memo keys=[carrier]");
        assertThat(copy).isNotEqualTo(ChildWorkflowOptions.getDefaultInstance());
    }

    @Test
    void theMemoIsKeptInKeyOrder() {
        Map<String, Object> memo = new LinkedHashMap<>();
        memo.put("zone", "north");
        memo.put("agent", "ada");

        assertThat(ChildWorkflowOptions.newBuilder().setMemo(memo).build().getMemo().keySet())
                .containsExactly("agent", "zone");
    }

    @Test
    void rejectsANullMemoValue() {
        Map<String, Object> memo = new HashMap<>();
        memo.put("draft", null);

        assertThatThrownBy(() -> ChildWorkflowOptions.newBuilder().setMemo(memo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("child workflow memo keys and values must not be null, found draft = null; leave out a"
                        + " key that has no value");
    }

    @Test
    void noSearchAttributesAndNoMemoUnlessSet() {
        ChildWorkflowOptions options = ChildWorkflowOptions.getDefaultInstance();

        assertThat(options.getTypedSearchAttributes()).isEqualTo(SearchAttributes.EMPTY);
        assertThat(options.getMemo()).isEmpty();
    }
}
