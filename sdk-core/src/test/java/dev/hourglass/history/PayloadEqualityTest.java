package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PayloadEqualityTest {

    @Test
    void decimalsThatOneDoubleWouldHoldAreNotEqualWhenTheirDigitsDiffer() {
        Payload tenth = Payload.of(new BigDecimal("0.1"));
        Payload almostATenth = Payload.of(new BigDecimal("0.10000000000000000001"));

        assertThat(almostATenth).isNotEqualTo(tenth);
    }

    @Test
    void aDecimalEqualsTheSameNumberWrittenWithAnotherScale() {
        Payload withCents = Payload.of(new BigDecimal("420.00"));

        assertThat(withCents).isEqualTo(Payload.fromJson("420")).hasSameHashCodeAs(Payload.fromJson("420"));
    }

    @Test
    void aDoubleEqualsTheDecimalItIsWrittenAs() {
        Payload tenth = Payload.of(0.1);

        assertThat(tenth).isEqualTo(Payload.of(new BigDecimal("0.1"))).isEqualTo(Payload.fromJson("0.100"));
    }
}
