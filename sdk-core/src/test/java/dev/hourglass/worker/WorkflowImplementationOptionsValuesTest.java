package dev.hourglass.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.activity.ActivityOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowImplementationOptionsValuesTest {

    private static final ActivityOptions THIRTY_SECONDS =
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(30)).build();

    private static WorkflowImplementationOptions sample() {
        return WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(IllegalArgumentException.class)
                .setActivityOptions(Map.of("pay", THIRTY_SECONDS))
                .setDefaultActivityOptions(THIRTY_SECONDS)
                .build();
    }

    @Test
    void theDefaultInstanceSetsNothing() {
        WorkflowImplementationOptions options = WorkflowImplementationOptions.getDefaultInstance();

        assertThat(options.getFailWorkflowExceptionTypes()).isEmpty();
        assertThat(options.getActivityOptions()).isEmpty();
        assertThat(options.getDefaultActivityOptions()).isNull();
    }

    @Test
    void aCopiedBuilderBuildsEqualOptions() {
        WorkflowImplementationOptions copy = WorkflowImplementationOptions.newBuilder(sample()).build();

        assertThat(copy).isEqualTo(sample()).hasSameHashCodeAs(sample());
        assertThat(copy.toString()).contains("java.lang.IllegalArgumentException", "pay", "PT30S");
    }

    @Test
    void optionsDifferingInOneValueAreNotEqual() {
        assertThat(WorkflowImplementationOptions.newBuilder(sample()).setDefaultActivityOptions(null).build())
                .isNotEqualTo(sample());
    }

    @Test
    void theActivityOptionsMapIsCopied() {
        Map<String, ActivityOptions> map = new HashMap<>(Map.of("pay", THIRTY_SECONDS));
        WorkflowImplementationOptions options = WorkflowImplementationOptions.newBuilder().setActivityOptions(map).build();
        map.clear();

        assertThat(options.getActivityOptions()).containsOnlyKeys("pay");
    }

    @Test
    void aNullExceptionTypeIsRejectedByItsIndex() {
        assertThatThrownBy(() -> WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(IllegalStateException.class, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("failWorkflowExceptionTypes[1]");
    }
}
