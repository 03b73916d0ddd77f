package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionCompletedAttributes;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowPropertiesModifiedAttributes;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replaying memo upserts: the keys identify the command (another key is nondeterminism), the values are details
 * (another value is a warning), and the code sees the recorded values.
 */
class MemoReplayTest {

    @WorkflowInterface
    public interface Assigner {
        @WorkflowMethod
        String assign();
    }

    /** Upserts the agent "ada" and removes the draft, then returns what it reads. */
    public static class AssignsAda implements Assigner {
        @Override
        public String assign() {
            return upsertAndRead("agent", "ada");
        }
    }

    /** The same upsert with another agent. */
    public static class AssignsBob implements Assigner {
        @Override
        public String assign() {
            return upsertAndRead("agent", "bob");
        }
    }

    /** An upsert of another key. */
    public static class AssignsOwner implements Assigner {
        @Override
        public String assign() {
            return upsertAndRead("owner", "ada");
        }
    }

    static String upsertAndRead(String key, String value) {
        Map<String, Object> memo = new HashMap<>();
        memo.put(key, value);
        memo.put("draft", null);
        Workflow.upsertMemo(memo);
        return Workflow.getMemo(key, String.class) + "|" + Workflow.getMemo("draft", String.class) + "|"
                + Workflow.getMemo("note", String.class);
    }

    private static History recorded(String result) {
        List<EventAttributes> attributes = List.of(
                new WorkflowExecutionStartedAttributes("Assigner", "tests", Payload.ofArguments(), null, null, null,
                        null, null, null, null, null, null, Payload.fromJson("{\"draft\":\"v0\",\"note\":\"urgent\"}")),
                new WorkflowPropertiesModifiedAttributes(Payload.fromJson("{\"agent\":\"ada\",\"draft\":null}")),
                new WorkflowExecutionCompletedAttributes(Payload.of(result)));
        List<HistoryEvent> events = new ArrayList<>();
        for (EventAttributes event : attributes) {
            events.add(new HistoryEvent(events.size() + 1, Instant.parse("2025-01-01T00:00:00Z"), event));
        }
        return new History("assigner-1", "run-1", "Assigner", "tests", events);
    }

    @Test
    void theSameUpsertReplaysWithoutWarnings() {
        assertThat(Replayer.replay(recorded("ada|null|urgent"), false, AssignsAda.class)).isEmpty();
    }

    @Test
    void historyReadBackFromJsonReplaysTheSame() {
        assertThat(Replayer.replay(History.fromJson(recorded("ada|null|urgent").toJson()), false, AssignsAda.class))
                .isEmpty();
    }

    @Test
    void aChangedValueIsAWarningAndTheRecordedValueHolds() {
        // the result "ada|..." matches only if the code read the recorded value, not its own "bob"
        assertThat(Replayer.replay(recorded("ada|null|urgent"), false, AssignsBob.class))
                .singleElement().asString().contains("memo differs").contains("ada").contains("bob");
    }

    @Test
    void aChangedValueFailsAStrictReplay() {
        assertThatThrownBy(() -> Replayer.replay(recorded("ada|null|urgent"), true, AssignsBob.class))
                .isInstanceOf(NonDeterministicException.class).hasMessageContaining("strict replay");
    }

    @Test
    void anUpsertOfAnotherKeyIsNondeterminism() {
        assertThatThrownBy(() -> Replayer.replay(recorded("ada|null|urgent"), false, AssignsOwner.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> assertThat(e.getMessage())
                        .contains("the memo differs ([agent, draft] recorded, [draft, owner] now)"));
    }
}
