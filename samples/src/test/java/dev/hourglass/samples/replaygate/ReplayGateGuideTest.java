package dev.hourglass.samples.replaygate;

import dev.hourglass.samples.GuideExamplesTest;
import java.nio.file.Path;

/** Keeps the replay-gate guide true: its Java examples are regions of the tests in this package. */
class ReplayGateGuideTest extends GuideExamplesTest {

    ReplayGateGuideTest() {
        super(Path.of("..", "docs", "replay-gate.md"),
                Path.of("src", "test", "java", "dev", "hourglass", "samples", "replaygate"));
    }
}
