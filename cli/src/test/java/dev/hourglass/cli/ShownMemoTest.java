package dev.hourglass.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.EventAttributes;
import dev.hourglass.history.History;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.history.Payload;
import dev.hourglass.history.WorkflowExecutionStartedAttributes;
import dev.hourglass.history.WorkflowPropertiesModifiedAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The memo that {@code show} prints: the start's, with each {@code WorkflowPropertiesModified} applied. */
class ShownMemoTest {

    private static History history(Payload startMemo, Payload... upserts) {
        List<EventAttributes> attributes = new ArrayList<>();
        attributes.add(new WorkflowExecutionStartedAttributes("Ticket", "support", Payload.ofArguments(), null, null,
                null, null, null, null, null, null, null, startMemo));
        for (Payload upsert : upserts) {
            attributes.add(new WorkflowPropertiesModifiedAttributes(upsert));
        }
        List<HistoryEvent> events = new ArrayList<>();
        for (EventAttributes event : attributes) {
            events.add(new HistoryEvent(events.size() + 1, Instant.parse("2025-01-01T00:00:00Z"), event));
        }
        return new History("ticket-1", "run-1", "Ticket", "support", events);
    }

    @Test
    void withoutUpsertsItIsTheMemoOfTheStartAsRecorded() {
        assertThat(SearchAttributeText.memo(history(Payload.fromJson("{\"note\":\"ring twice\"}"))))
                .isEqualTo("{\"note\":\"ring twice\"}");
    }

    @Test
    void upsertsSetAndRemoveKeysInOrder() {
        History history = history(Payload.fromJson("{\"draft\":\"v0\",\"note\":\"ring twice\"}"),
                Payload.fromJson("{\"agent\":\"ada\",\"draft\":null}"), Payload.fromJson("{\"agent\":\"bob\"}"));

        assertThat(SearchAttributeText.memo(history)).isEqualTo("{\"agent\":\"bob\",\"note\":\"ring twice\"}");
    }

    @Test
    void aMemoWhoseKeysWereAllRemovedIsNone() {
        History history = history(Payload.fromJson("{\"draft\":\"v0\"}"), Payload.fromJson("{\"draft\":null}"));

        assertThat(SearchAttributeText.memo(history)).isNull();
    }

    @Test
    void anUpsertOfARunStartedWithoutMemoIsShown() {
        assertThat(SearchAttributeText.memo(history(null, Payload.fromJson("{\"agent\":\"ada\"}"))))
                .isEqualTo("{\"agent\":\"ada\"}");
    }
}
