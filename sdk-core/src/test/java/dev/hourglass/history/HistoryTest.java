package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryTest {

    @Test
    void rejectsNullArgumentsNamingThem() {
        List<HistoryEvent> none = List.of();
        assertThatThrownBy(() -> new History(null, "r", "t", "q", none)).hasMessage("workflowId");
        assertThatThrownBy(() -> new History("w", null, "t", "q", none)).hasMessage("runId");
        assertThatThrownBy(() -> new History("w", "r", null, "q", none)).hasMessage("workflowType");
        assertThatThrownBy(() -> new History("w", "r", "t", null, none)).hasMessage("taskQueue");
        assertThatThrownBy(() -> new History("w", "r", "t", "q", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("events");
    }

    @Test
    void rejectsANullEventNamingItsIndex() {
        List<HistoryEvent> events = Arrays.asList(SampleHistories.justStarted().getEvents().get(0), null);

        assertThatThrownBy(() -> new History("w", "r", "t", "q", events))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("events[1]");
    }

    @Test
    void eventsAreCopiedAndCannotBeModified() {
        List<HistoryEvent> events = new ArrayList<>(SampleHistories.justStarted().getEvents());
        History history = new History("w", "r", "t", "q", events);

        events.clear();

        assertThat(history.getEvents()).hasSize(1);
        assertThatThrownBy(() -> history.getEvents().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lastEventIsNullForAnEmptyHistory() {
        History empty = new History("w", "r", "t", "q", List.of());

        assertThat(empty.getLastEvent()).isNull();
        assertThat(empty.isClosed()).isFalse();
    }

    @Test
    void historyEndingInAClosingEventIsClosed() {
        History history = SampleHistories.moneyTransfer();

        assertThat(history.getLastEvent().getEventType()).isEqualTo(EventType.WorkflowExecutionCompleted);
        assertThat(history.isClosed()).isTrue();
    }

    @Test
    void historyEndingInAnOpenEventIsNotClosed() {
        assertThat(SampleHistories.justStarted().isClosed()).isFalse();
    }

    @Test
    void historiesWithEqualFieldsAreEqual() {
        assertThat(SampleHistories.moneyTransfer())
                .isEqualTo(SampleHistories.moneyTransfer())
                .hasSameHashCodeAs(SampleHistories.moneyTransfer())
                .isNotEqualTo(SampleHistories.justStarted());
    }

    @Test
    void toStringNamesTheExecutionAndCountsEvents() {
        assertThat(SampleHistories.moneyTransfer())
                .hasToString("History[workflowId=transfer-42, runId=9f1c7e2a-5b3d-4c8e-a1f0-2d6b8e4c7a19, 10 events]");
        assertThat(SampleHistories.justStarted()).hasToString("History[workflowId=transfer-1, runId=run-1, 1 event]");
    }

    @Test
    void theDefaultFileNameIsTheIdsWithCharactersUnsafeInFileNamesEscaped() {
        History history = new History("orders/42 ü", "run-1.a", "Order", "orders",
                SampleHistories.justStarted().getEvents());

        assertThat(history.defaultFileName()).isEqualTo("orders%2F42%20%C3%BC_run-1.a.json");
        assertThat(SampleHistories.justStarted().defaultFileName()).isEqualTo("transfer-1_run-1.json");
    }
}
