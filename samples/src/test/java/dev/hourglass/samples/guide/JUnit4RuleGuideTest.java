package dev.hourglass.samples.guide;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.runner.JUnitCore;
import org.junit.runner.Result;

/** Runs the guide's JUnit 4 example, {@link TransferRuleTest}, with JUnit 4 itself: the build has no vintage engine. */
class JUnit4RuleGuideTest {

    @Test
    void theJUnit4ExampleOfTheGuidePasses() {
        Result result = new JUnitCore().run(TransferRuleTest.class);

        assertThat(result.getFailures()).isEmpty();
        assertThat(result.getRunCount()).isEqualTo(1);
    }
}
