package dev.hourglass.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.failure.ApplicationFailure;
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
}
