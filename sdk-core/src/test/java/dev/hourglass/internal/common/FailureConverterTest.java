package dev.hourglass.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.failure.ActivityFailure;
import dev.hourglass.failure.ApplicationFailure;
import dev.hourglass.failure.HourglassFailure;
import dev.hourglass.failure.TimeoutFailure;
import dev.hourglass.failure.TimeoutType;
import dev.hourglass.internal.history.JsonLimits;
import org.junit.jupiter.api.Test;

class FailureConverterTest {

    @Test
    void theRecordedStackTraceEndsEachFrameWithANewlineWhateverThePlatformSeparator() {
        ApplicationFailure failure = ApplicationFailure.newFailure("insufficient funds", "InsufficientFunds");
        failure.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("dev.hourglass.samples.Bank", "withdraw", "Bank.java", 42),
                new StackTraceElement("dev.hourglass.samples.Teller", "serve", "Teller.java", 7)});

        String stackTrace = FailureConverter.toJson(failure).get("stackTrace").asText();

        assertThat(stackTrace).isEqualTo("\tat dev.hourglass.samples.Bank.withdraw(Bank.java:42)\n"
                + "\tat dev.hourglass.samples.Teller.serve(Teller.java:7)\n");
    }

    @Test
    void aMessageLongerThanAHistoryHoldsIsCutToTheLongestStringItHolds() {
        IllegalStateException failure = new IllegalStateException("m".repeat(25_000_000));

        String message = FailureConverter.toJson(failure).get("message").asText();

        assertThat(message).hasSize(JsonLimits.MAX_STRING_LENGTH).endsWith("… (5000000 more characters)");
    }

    record Decline(String reason, long cents) {
    }

    @Test
    void applicationFailureDetailsAreRecordedAsAJsonArray() {
        ApplicationFailure failure = ApplicationFailure.newFailure("declined", "CardDeclined",
                new Decline("insufficient funds", 25), "retry tomorrow");

        String details = FailureConverter.toJson(failure).get("details").toString();

        assertThat(details).isEqualTo("[{\"reason\":\"insufficient funds\",\"cents\":25},\"retry tomorrow\"]");
    }

    @Test
    void aFailureWithoutDetailsRecordsNoDetailsField() {
        ObjectNode json = FailureConverter.toJson(ApplicationFailure.newFailure("declined", "CardDeclined"));

        assertThat(json.has("details")).isFalse();
    }

    @Test
    void applicationFailureDetailsReadBackDecodeToTheTypeAskedFor() {
        ObjectNode json = FailureConverter.toJson(ApplicationFailure.newNonRetryableFailure("declined",
                "CardDeclined", new Decline("insufficient funds", 25)));

        ApplicationFailure read = (ApplicationFailure) FailureConverter.fromJson(json);

        assertThat(read.isNonRetryable()).isTrue();
        assertThat(read.getDetails().get(0, Decline.class)).isEqualTo(new Decline("insufficient funds", 25));
    }

    @Test
    void detailsOfACauseSurviveTheRoundTrip() {
        ApplicationFailure cause = ApplicationFailure.newFailure("declined", "CardDeclined", "gw-7");
        ObjectNode json = FailureConverter.toJson(new ActivityFailure("charge", "1", 3, cause));

        HourglassFailure read = FailureConverter.fromJson(json);

        assertThat(((ApplicationFailure) read.getCause()).getDetails().get(0, String.class)).isEqualTo("gw-7");
    }

    @Test
    void lastHeartbeatDetailsOfATimeoutSurviveTheRoundTrip() {
        ObjectNode json = FailureConverter.toJson(new TimeoutFailure("no heartbeat", 7, TimeoutType.HEARTBEAT));

        TimeoutFailure read = (TimeoutFailure) FailureConverter.fromJson(json);

        assertThat(read.getLastHeartbeatDetails().get(0, Integer.class)).isEqualTo(7);
    }

    @Test
    void aDetailTheConverterCannotEncodeIsRecordedAsAStringSayingSo() {
        Object unencodable = new Object() {
            public Object getSelf() {
                return this;
            }
        };
        ObjectNode json = FailureConverter.toJson(ApplicationFailure.newFailure("declined", "CardDeclined", "ok",
                unencodable));

        assertThat(json.get("details").get(0).asText()).isEqualTo("ok");
        assertThat(json.get("details").get(1).asText()).startsWith("failure detail 1 could not be recorded: ");
    }
}
