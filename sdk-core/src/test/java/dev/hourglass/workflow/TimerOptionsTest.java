package dev.hourglass.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimerOptionsTest {

    @Test
    void defaultOptionsHaveNoSummary() {
        assertThat(TimerOptions.getDefaultInstance().getSummary()).isNull();
        assertThat(TimerOptions.newBuilder().build().getSummary()).isNull();
    }

    @Test
    void theBuilderSetsTheSummary() {
        TimerOptions options = TimerOptions.newBuilder().setSummary("grace period").build();

        assertThat(options.getSummary()).isEqualTo("grace period");
    }

    @Test
    void optionsBuiltLaterDoNotChangeOptionsBuiltBefore() {
        TimerOptions.Builder builder = TimerOptions.newBuilder().setSummary("first");
        TimerOptions first = builder.build();

        builder.setSummary("second");

        assertThat(first.getSummary()).isEqualTo("first");
    }

    @Test
    void aBuilderFromOptionsStartsWithTheirSummary() {
        TimerOptions original = TimerOptions.newBuilder().setSummary("reminder").build();

        assertThat(TimerOptions.newBuilder(original).build()).isEqualTo(original);
        assertThat(TimerOptions.newBuilder(null).build()).isEqualTo(TimerOptions.getDefaultInstance());
    }

    @Test
    void optionsWithTheSameSummaryAreEqualAndHashAlike() {
        TimerOptions a = TimerOptions.newBuilder().setSummary("reminder").build();
        TimerOptions b = TimerOptions.newBuilder().setSummary("reminder").build();

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(TimerOptions.newBuilder().setSummary("other").build());
        assertThat(a).isNotEqualTo(TimerOptions.getDefaultInstance());
    }

    @Test
    void toStringShowsTheSummary() {
        assertThat(TimerOptions.newBuilder().setSummary("reminder").build())
                .hasToString("TimerOptions{summary='reminder'}");
        assertThat(TimerOptions.getDefaultInstance()).hasToString("TimerOptions{summary=null}");
    }
}
