package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    private static final Set<EventType> COMMANDS =
            EnumSet.of(
                    EventType.ActivityTaskScheduled,
                    EventType.ActivityTaskCancelRequested,
                    EventType.TimerStarted,
                    EventType.TimerCanceled,
                    EventType.WorkflowExecutionUpdateAccepted,
                    EventType.WorkflowExecutionUpdateCompleted,
                    EventType.MarkerRecorded,
                    EventType.UpsertWorkflowSearchAttributes,
                    EventType.WorkflowPropertiesModified,
                    EventType.StartChildWorkflowExecutionInitiated,
                    EventType.RequestCancelChildWorkflowExecutionInitiated,
                    EventType.WorkflowExecutionCompleted,
                    EventType.WorkflowExecutionFailed,
                    EventType.WorkflowExecutionCanceled,
                    EventType.WorkflowExecutionContinuedAsNew);

    private static final Set<EventType> CLOSING =
            EnumSet.of(
                    EventType.WorkflowExecutionCompleted,
                    EventType.WorkflowExecutionFailed,
                    EventType.WorkflowExecutionCanceled,
                    EventType.WorkflowExecutionContinuedAsNew,
                    EventType.WorkflowExecutionTerminated,
                    EventType.WorkflowExecutionTimedOut);

    @Test
    void constantsAreTheFormatsEventTypesInOrder() {
        assertThat(Arrays.stream(EventType.values()).map(Enum::name))
                .containsExactly(
                        "WorkflowExecutionStarted",
                        "ActivityTaskScheduled",
                        "ActivityTaskStarted",
                        "ActivityTaskCompleted",
                        "ActivityTaskFailed",
                        "ActivityTaskTimedOut",
                        "ActivityTaskCancelRequested",
                        "ActivityTaskCanceled",
                        "TimerStarted",
                        "TimerFired",
                        "TimerCanceled",
                        "WorkflowExecutionSignaled",
                        "WorkflowExecutionUpdateAccepted",
                        "WorkflowExecutionUpdateCompleted",
                        "MarkerRecorded",
                        "UpsertWorkflowSearchAttributes",
                        "WorkflowPropertiesModified",
                        "StartChildWorkflowExecutionInitiated",
                        "ChildWorkflowExecutionStarted",
                        "ChildWorkflowExecutionCompleted",
                        "ChildWorkflowExecutionFailed",
                        "ChildWorkflowExecutionCanceled",
                        "RequestCancelChildWorkflowExecutionInitiated",
                        "ChildWorkflowExecutionCancelRequested",
                        "WorkflowExecutionCancelRequested",
                        "WorkflowExecutionCompleted",
                        "WorkflowExecutionFailed",
                        "WorkflowExecutionCanceled",
                        "WorkflowExecutionContinuedAsNew",
                        "WorkflowExecutionTerminated",
                        "WorkflowExecutionTimedOut");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isCommandExactlyForEventsRecordedFromWorkflowCommands(EventType type) {
        assertThat(type.isCommand()).isEqualTo(COMMANDS.contains(type));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void isClosingExactlyForEventsThatEndTheRun(EventType type) {
        assertThat(type.isClosing()).isEqualTo(CLOSING.contains(type));
    }

    @Test
    void terminatedAndTimedOutCloseTheRunWithoutBeingCommands() {
        assertThat(EventType.WorkflowExecutionTerminated.isCommand()).isFalse();
        assertThat(EventType.WorkflowExecutionTimedOut.isCommand()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyTypeHasARequiredAttributesList(EventType type) {
        assertThat(type.requiredAttributes()).isNotNull().doesNotContainNull().doesNotHaveDuplicates();
    }

    @Test
    void requiredAttributesFollowTheFormat() {
        assertThat(EventType.WorkflowExecutionStarted.requiredAttributes())
                .containsExactly("workflowType", "taskQueue", "input");
        assertThat(EventType.ActivityTaskScheduled.requiredAttributes())
                .containsExactly("activityId", "activityType", "taskQueue", "input");
        assertThat(EventType.ActivityTaskTimedOut.requiredAttributes()).containsExactly("activityId", "timeoutType");
        assertThat(EventType.TimerStarted.requiredAttributes()).containsExactly("timerId", "durationMillis");
        assertThat(EventType.MarkerRecorded.requiredAttributes()).containsExactly("markerName", "markerId");
        assertThat(EventType.StartChildWorkflowExecutionInitiated.requiredAttributes())
                .containsExactly("childId", "workflowId", "workflowType", "taskQueue", "input");
        assertThat(EventType.ChildWorkflowExecutionStarted.requiredAttributes())
                .containsExactly("childId", "workflowId", "runId");
        assertThat(EventType.RequestCancelChildWorkflowExecutionInitiated.requiredAttributes())
                .containsExactly("childId", "cancellationType");
        assertThat(EventType.ChildWorkflowExecutionCancelRequested.requiredAttributes()).containsExactly("childId");
        assertThat(EventType.ChildWorkflowExecutionCanceled.requiredAttributes()).containsExactly("childId");
        assertThat(EventType.WorkflowExecutionContinuedAsNew.requiredAttributes()).containsExactly("newRunId", "input");
        assertThat(EventType.WorkflowExecutionTerminated.requiredAttributes()).containsExactly("reason");
    }

    @Test
    void typesWithoutRequiredAttributesHaveAnEmptyList() {
        assertThat(EventType.WorkflowExecutionCancelRequested.requiredAttributes()).isEmpty();
        assertThat(EventType.WorkflowExecutionCanceled.requiredAttributes()).isEmpty();
        assertThat(EventType.WorkflowExecutionTimedOut.requiredAttributes()).isEmpty();
    }

    @Test
    void requiredAttributesCannotBeModified() {
        assertThatThrownBy(() -> EventType.TimerFired.requiredAttributes().add("extra"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
