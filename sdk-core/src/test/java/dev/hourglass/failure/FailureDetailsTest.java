package dev.hourglass.failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.common.DataConverterException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureDetailsTest {

    record Decline(String reason, long cents) {
    }

    @Test
    void anApplicationFailureReturnsItsDetailsInOrder() {
        ApplicationFailure failure = ApplicationFailure.newFailure("declined", "CardDeclined",
                new Decline("insufficient funds", 25), "retry tomorrow");

        assertThat(failure.getDetails().getSize()).isEqualTo(2);
        assertThat(failure.getDetails().get(0, Decline.class)).isEqualTo(new Decline("insufficient funds", 25));
        assertThat(failure.getDetails().get(1, String.class)).isEqualTo("retry tomorrow");
    }

    @Test
    void aNonRetryableFailureCarriesDetailsToo() {
        ApplicationFailure failure = ApplicationFailure.newNonRetryableFailure("declined", "CardDeclined", 25L);

        assertThat(failure.isNonRetryable()).isTrue();
        assertThat(failure.getDetails().get(Long.class)).isEqualTo(25L);
    }

    @Test
    void aFailureWithCauseCarriesDetails() {
        IllegalStateException cause = new IllegalStateException("gateway down");

        ApplicationFailure failure = ApplicationFailure.newFailureWithCause("declined", "CardDeclined", cause, "gw-7");

        assertThat(failure).hasCause(cause);
        assertThat(failure.getDetails().get(0, String.class)).isEqualTo("gw-7");
    }

    @Test
    void aFailureCreatedWithoutDetailsHasEmptyDetails() {
        ApplicationFailure failure = ApplicationFailure.newFailure("declined", "CardDeclined");

        assertThat(failure.getDetails().isEmpty()).isTrue();
    }

    @Test
    void aDetailIsConvertedToTheTypeAskedForWhenItIsNotOfThatType() {
        ApplicationFailure failure = ApplicationFailure.newFailure("declined", "CardDeclined",
                Map.of("reason", "expired", "cents", 5));

        assertThat(failure.getDetails().get(0, Decline.class)).isEqualTo(new Decline("expired", 5));
    }

    @Test
    void askingForADetailPastTheLastNamesHowManyThereAre() {
        ApplicationFailure failure = ApplicationFailure.newFailure("declined", "CardDeclined", "one");

        assertThatThrownBy(() -> failure.getDetails().get(1, String.class))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("no value at index 1: there are 1 values");
    }

    @Test
    void aDetailThatDoesNotFitTheTypeAskedForThrowsADataConverterException() {
        ApplicationFailure failure = ApplicationFailure.newFailure("declined", "CardDeclined", List.of("a"));

        assertThatThrownBy(() -> failure.getDetails().get(0, Decline.class))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("failure detail 0");
    }

    @Test
    void aTimeoutFailureKeepsTheLastHeartbeatDetails() {
        TimeoutFailure failure = new TimeoutFailure("no heartbeat", "page 7", TimeoutType.HEARTBEAT);

        assertThat(failure.getTimeoutType()).isEqualTo(TimeoutType.HEARTBEAT);
        assertThat(failure.getLastHeartbeatDetails().get(0, String.class)).isEqualTo("page 7");
        assertThat(failure).hasNoCause().hasMessage("no heartbeat, timeoutType=HEARTBEAT");
    }

    @Test
    void aTimeoutFailureWithoutHeartbeatDetailsHasNone() {
        TimeoutFailure failure = new TimeoutFailure("too slow", null, TimeoutType.START_TO_CLOSE);

        assertThat(failure.getLastHeartbeatDetails().isEmpty()).isTrue();
    }
}
