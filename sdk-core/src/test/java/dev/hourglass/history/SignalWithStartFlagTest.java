package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code withStart} flag of a signal sent with the start of its run, in JSON. */
class SignalWithStartFlagTest {

    private static History signaled(boolean withStart) {
        return Histories.of("greeting-1")
                .started()
                .event(new WorkflowExecutionSignaledAttributes("setName", Payload.ofArguments("ada"), null, withStart))
                .build();
    }

    @Test
    void aSignalSentWithTheStartRoundTripsWithItsFlag() {
        History history = signaled(true);

        History read = History.fromJson(history.toJson());

        assertThat(read).isEqualTo(history);
        assertThat(read.getEvents().get(1).getAttributes(WorkflowExecutionSignaledAttributes.class).withStart())
                .isTrue();
        assertThat(history.toJson()).contains("\"withStart\": true");
    }

    @Test
    void aSignalSentOnItsOwnWritesNoFlag() {
        assertThat(signaled(false).toJson()).doesNotContain("withStart");
    }

    @Test
    void aSignalRecordedBeforeTheFlagExistedReadsAsSentOnItsOwn() {
        String json = signaled(true).toJson().replace(",\n        \"withStart\": true", "");

        History read = History.fromJson(json);

        assertThat(read.getEvents().get(1).getAttributes(WorkflowExecutionSignaledAttributes.class).withStart())
                .isFalse();
    }

    @Test
    void aFlagThatIsNotABooleanIsRejectedNamingTheAttribute() {
        String json = signaled(true).toJson().replace("\"withStart\": true", "\"withStart\": \"yes\"");

        assertThatThrownBy(() -> History.fromJson(json))
                .isInstanceOf(HistoryFormatException.class)
                .hasMessageContaining("withStart");
    }
}
