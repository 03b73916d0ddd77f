package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import org.junit.jupiter.api.Test;

/** The deprecated {@code dev.hourglass.testing.HistoryTimeline}, kept for code written before it moved. */
class HistoryTimelineTest {

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedTimelineFormatsExactlyAsTheOneInSdkCore() {
        History history = Histories.completedTransfer();

        assertThat(HistoryTimeline.format(history)).isEqualTo(dev.hourglass.history.HistoryTimeline.format(history));
    }
}
