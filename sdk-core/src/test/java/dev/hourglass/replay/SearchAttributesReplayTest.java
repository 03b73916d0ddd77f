package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.SearchAttributeKey;
import dev.hourglass.common.SearchAttributeUpdate;
import dev.hourglass.common.SearchAttributes;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.UpsertWorkflowSearchAttributesAttributes;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Replaying upserts of search attributes: the names identify the command (another name is nondeterminism), the
 * values are details (another value is a warning), and the code sees the recorded values.
 */
class SearchAttributesReplayTest {

    static final SearchAttributeKey<String> STAGE = SearchAttributeKey.forKeyword("Stage");
    static final SearchAttributeKey<String> PHASE = SearchAttributeKey.forKeyword("Phase");
    static final SearchAttributeKey<String> CUSTOMER = SearchAttributeKey.forKeyword("CustomerId");

    @WorkflowInterface
    public interface Packer {
        @WorkflowMethod
        String pack();
    }

    /** Upserts the stage "packed" and returns what it then reads. */
    public static class Packs implements Packer {
        @Override
        public String pack() {
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(STAGE, "packed"));
            return Workflow.getTypedSearchAttributes().get(CUSTOMER) + "|"
                    + Workflow.getTypedSearchAttributes().get(STAGE);
        }
    }

    /** The same upsert with another value. */
    public static class PacksIntoBoxes implements Packer {
        @Override
        public String pack() {
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(STAGE, "boxed"));
            return Workflow.getTypedSearchAttributes().get(CUSTOMER) + "|"
                    + Workflow.getTypedSearchAttributes().get(STAGE);
        }
    }

    /** An upsert of another attribute name. */
    public static class RecordsPhase implements Packer {
        @Override
        public String pack() {
            Workflow.upsertTypedSearchAttributes(SearchAttributeUpdate.valueSet(PHASE, "packed"));
            return "phase";
        }
    }

    private static History recorded(String result) {
        List<EventAttributes> attributes = List.of(
                new WorkflowExecutionStartedAttributes("Packer", "tests", Payload.ofArguments(), null, null, null,
                        null, null, null, null, null, SearchAttributes.newBuilder().set(CUSTOMER, "c-1").build(),
                        null),
                new UpsertWorkflowSearchAttributesAttributes(List.of(SearchAttributeUpdate.valueSet(STAGE, "packed"))),
                new WorkflowExecutionCompletedAttributes(Payload.of(result)));
        List<HistoryEvent> events = new ArrayList<>();
        for (EventAttributes event : attributes) {
            events.add(new HistoryEvent(events.size() + 1, Instant.parse("2025-01-01T00:00:00Z"), event));
        }
        return new History("packer-1", "run-1", "Packer", "tests", events);
    }

    @Test
    void theSameUpsertReplaysWithoutWarnings() {
        assertThat(Replayer.replay(recorded("c-1|packed"), false, Packs.class)).isEmpty();
    }

    @Test
    void historyReadBackFromJsonReplaysTheSame() {
        assertThat(Replayer.replay(History.fromJson(recorded("c-1|packed").toJson()), false, Packs.class)).isEmpty();
    }

    @Test
    void aChangedValueIsAWarningAndTheRecordedValueHolds() {
        // the result "c-1|packed" matches only if the code read the recorded value, not its own "boxed"
        assertThat(Replayer.replay(recorded("c-1|packed"), false, PacksIntoBoxes.class))
                .singleElement().asString().contains("searchAttributes differs").contains("packed").contains("boxed");
    }

    @Test
    void aChangedValueFailsAStrictReplay() {
        assertThatThrownBy(() -> Replayer.replay(recorded("c-1|packed"), true, PacksIntoBoxes.class))
                .isInstanceOf(NonDeterministicException.class).hasMessageContaining("strict replay");
    }

    @Test
    void anUpsertOfAnotherNameIsNondeterminism() {
        assertThatThrownBy(() -> Replayer.replay(recorded("phase"), false, RecordsPhase.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> assertThat(e.getMessage())
                        .contains("the searchAttributes differs ([Stage] recorded, [Phase] now)"));
    }
}
