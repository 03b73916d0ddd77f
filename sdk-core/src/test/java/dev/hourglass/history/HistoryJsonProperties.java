package dev.hourglass.history;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;

class HistoryJsonProperties {

    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void readingWrittenJsonGivesAnEqualHistory(@ForAll long seed) {
        History history = RandomHistories.generate(seed);

        History read = History.fromJson(history.toJson());

        assertThat(read).as("history generated from seed %d", seed).isEqualTo(history);
        assertThat(read.hashCode()).as("hash code of history generated from seed %d", seed).isEqualTo(history.hashCode());
    }

    @Property(tries = 500, shrinking = ShrinkingMode.OFF)
    void writingAReadHistoryAgainIsByteIdentical(@ForAll long seed) {
        String json = RandomHistories.generate(seed).toJson();

        assertThat(History.fromJson(json).toJson()).as("history generated from seed %d", seed).isEqualTo(json);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.OFF)
    void sameSeedGivesTheSameJsonByteForByte(@ForAll long seed) {
        assertThat(RandomHistories.generate(seed).toJson())
                .as("history generated from seed %d", seed)
                .isEqualTo(RandomHistories.generate(seed).toJson());
    }
}
