package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.history.MarkerRecordedAttributes;
import dev.hourglass.internal.history.JsonPayload;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.Workflow;
import org.junit.jupiter.api.Test;

/** {@code Workflow.getVersion} lets changed code replay histories recorded before and after the change. */
class VersioningReplayTest {

    @Test
    void versionedChangeReplaysHistoriesRecordedBeforeIt() {
        History old = RecordedHistories.transfer();
        assertThat(old.getEvents()).noneMatch(event -> event.getEventType() == EventType.MarkerRecorded);

        assertThat(Replayer.replay(old, true, Transfers.VersionedWithoutHold.class)).isEmpty();
    }

    @Test
    void versionedChangeReplaysHistoriesRecordedAfterIt() {
        History recent = RecordedHistories.versionedTransfer();
        MarkerRecordedAttributes marker = RecordedHistories.firstEvent(recent, EventType.MarkerRecorded)
                .getAttributes(MarkerRecordedAttributes.class);
        assertThat(JsonPayload.node(marker.details()).path("version").asInt()).isEqualTo(1);

        assertThat(Replayer.replay(recent, true, Transfers.VersionedWithoutHold.class)).isEmpty();
    }

    @Test
    void codeWithoutTheDefaultVersionReplaysHistoriesOfVersionOne() {
        assertThat(Replayer.replay(RecordedHistories.versionedTransfer(), true, Transfers.OnlyWithoutHold.class))
                .isEmpty();
    }

    @Test
    void codeWithoutTheDefaultVersionRejectsHistoriesRecordedBeforeTheChange() {
        assertThatThrownBy(() -> Replayer.replay(RecordedHistories.transfer(), false, Transfers.OnlyWithoutHold.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("Workflow.getVersion(\"remove-hold\", 1, 1)")
                            .contains("the history has version " + Workflow.DEFAULT_VERSION)
                            .contains("no longer supports");
                    assertThat(e.getLocation()).contains("OnlyWithoutHold").contains(".java:");
                });
    }

    @Test
    void codeWithoutTheVersionCheckRejectsHistoriesRecordedWithIt() {
        History recent = RecordedHistories.versionedTransfer();
        long marker = RecordedHistories.firstEvent(recent, EventType.MarkerRecorded).getEventId();

        assertThatThrownBy(() -> Replayer.replay(recent, false, Transfers.WithoutHold.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(marker);
                    assertThat(e.getRecorded()).contains("markerName=Version").contains("markerId=remove-hold");
                });
    }
}
