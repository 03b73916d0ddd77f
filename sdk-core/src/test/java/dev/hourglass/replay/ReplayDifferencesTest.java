package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import org.junit.jupiter.api.Test;

/** Argument and duration differences: warnings in a lenient replay, failures in a strict one. */
class ReplayDifferencesTest {

    @Test
    void argumentDifferenceIsAWarningNamingTheDifference() {
        History history = RecordedHistories.transfer();
        long withdraw = RecordedHistories.scheduledActivity(history, "withdraw").getEventId();

        assertThat(Replayer.replay(history, false, Transfers.WithdrawsFee.class))
                .singleElement(STRING)
                .contains("event " + withdraw)
                .contains("input differs")
                .contains("[\"alice\",100]")
                .contains("[\"alice\",125]")
                .contains("WithdrawsFee");
    }

    @Test
    void argumentDifferenceFailsAStrictReplay() {
        History history = RecordedHistories.transfer();
        long withdraw = RecordedHistories.scheduledActivity(history, "withdraw").getEventId();

        assertThatThrownBy(() -> Replayer.replay(history, true, Transfers.WithdrawsFee.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(withdraw);
                    assertThat(e.getMessage()).contains("input differs").contains("strict");
                    assertThat(e.getLocation()).contains("WithdrawsFee");
                });
    }

    @Test
    void timerDurationDifferenceIsAWarningNamingTheDifference() {
        History history = RecordedHistories.transfer();
        long timer = RecordedHistories.firstEvent(history, EventType.TimerStarted).getEventId();

        assertThat(Replayer.replay(history, false, Transfers.LongerHold.class))
                .singleElement(STRING)
                .contains("event " + timer)
                .contains("duration differs")
                .contains("recorded 20ms")
                .contains("gives 40ms");
    }

    @Test
    void timerDurationDifferenceFailsAStrictReplay() {
        History history = RecordedHistories.transfer();
        long timer = RecordedHistories.firstEvent(history, EventType.TimerStarted).getEventId();

        assertThatThrownBy(() -> Replayer.replay(history, true, Transfers.LongerHold.class))
                .isInstanceOfSatisfying(NonDeterministicException.class, e -> {
                    assertThat(e.getEventId()).isEqualTo(timer);
                    assertThat(e.getMessage()).contains("duration differs").contains("strict");
                });
    }
}
