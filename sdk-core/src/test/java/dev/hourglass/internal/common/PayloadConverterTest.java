package dev.hourglass.internal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PayloadConverterTest {

    private final PayloadConverter converter = PayloadConverter.getDefault();

    @Test
    void writesMapEntriesInKeyOrderWhateverOrderTheMapIteratesIn() {
        Map<String, Integer> scores = new HashMap<>(Map.of("zulu", 1, "alpha", 2, "mike", 3, "echo", 4, "kilo", 5));

        assertThat(converter.toJson(scores).toString())
                .isEqualTo("{\"alpha\":2,\"echo\":4,\"kilo\":5,\"mike\":3,\"zulu\":1}");
    }

    @Test
    void writesAMapNestedInARecordInKeyOrderToo() {
        record Ledger(String owner, Map<String, Long> balances) {
        }

        assertThat(converter.toJson(new Ledger("ann", Map.of("usd", 5L, "eur", 7L, "chf", 9L))).toString())
                .isEqualTo("{\"owner\":\"ann\",\"balances\":{\"chf\":9,\"eur\":7,\"usd\":5}}");
    }
}
