package dev.hourglass.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.MarkerFactory;

/**
 * The logger of {@link Workflow#getLogger} prints while the code makes progress and stays silent while it
 * replays, at every level and in both the classic and the fluent style.
 *
 * <p>The test backend is slf4j-simple, which writes to the {@code System.err} of the moment and reads a
 * logger's level from a system property when the logger is created; the workflow's logger has a name of
 * its own, set to {@code trace} before the first run creates it.
 */
class WorkflowLoggerTest {

    private static final String LOGGER_NAME = WorkflowLoggerTest.class.getName() + ".workflow";
    private static final String LEVEL_PROPERTY = "org.slf4j.simpleLogger.log." + LOGGER_NAME;
    private static final Marker AUDIT = MarkerFactory.getMarker("AUDIT");
    private static final AtomicInteger RUNS = new AtomicInteger();

    @WorkflowInterface
    public interface Chatty {
        @WorkflowMethod
        String chat();
    }

    /** Logs one distinct line per level, style (classic or fluent) and marker (without or with). */
    public static class ChattyImpl implements Chatty {
        @Override
        public String chat() {
            RUNS.incrementAndGet();
            Logger log = Workflow.getLogger(LOGGER_NAME);
            log.trace("classic-plain-trace");
            log.trace(AUDIT, "classic-marked-trace");
            log.atTrace().log("fluent-plain-trace");
            log.atTrace().addMarker(AUDIT).log("fluent-marked-trace");
            log.debug("classic-plain-debug");
            log.debug(AUDIT, "classic-marked-debug");
            log.atDebug().log("fluent-plain-debug");
            log.atDebug().addMarker(AUDIT).log("fluent-marked-debug");
            log.info("classic-plain-info");
            log.info(AUDIT, "classic-marked-info");
            log.atInfo().log("fluent-plain-info");
            log.atInfo().addMarker(AUDIT).log("fluent-marked-info");
            log.warn("classic-plain-warn");
            log.warn(AUDIT, "classic-marked-warn");
            log.atWarn().log("fluent-plain-warn");
            log.atWarn().addMarker(AUDIT).log("fluent-marked-warn");
            log.error("classic-plain-error");
            log.error(AUDIT, "classic-marked-error");
            log.atError().log("fluent-plain-error");
            log.atError().addMarker(AUDIT).log("fluent-marked-error");
            return "said";
        }
    }

    @RegisterExtension
    final E2eEnvironment env = E2eEnvironment.newBuilder()
            .registerWorkflowImplementationTypes(ChattyImpl.class)
            .build();

    private static String levelBefore;

    @BeforeAll
    static void logEveryLevelOfTheWorkflowLogger() {
        levelBefore = System.setProperty(LEVEL_PROPERTY, "trace");
    }

    @AfterAll
    static void restoreTheLevel() {
        if (levelBefore == null) {
            System.clearProperty(LEVEL_PROPERTY);
        } else {
            System.setProperty(LEVEL_PROPERTY, levelBefore);
        }
    }

    @Test
    void replayPrintsNoneOfTheLinesTheLiveRunPrinted() {
        String live = SystemErr.capture(() -> env.newWorkflowStub(Chatty.class, "chatty-1").chat());
        History history = env.history("chatty-1");
        int runsBeforeReplay = RUNS.get();

        String replayed = SystemErr.capture(() -> Replayer.replay(history, false, ChattyImpl.class));

        for (String line : expectedLines()) {
            assertThat(live).as("live output").containsOnlyOnce(line);
        }
        assertThat(RUNS).as("runs of the workflow code, the replay included").hasValue(runsBeforeReplay + 1);
        assertThat(replayed).as("replay output").doesNotContain(LOGGER_NAME);
    }

    private static List<String> expectedLines() {
        List<String> lines = new ArrayList<>();
        for (String level : List.of("trace", "debug", "info", "warn", "error")) {
            for (String style : List.of("classic", "fluent")) {
                lines.add(style + "-plain-" + level);
                lines.add(style + "-marked-" + level);
            }
        }
        return lines;
    }
}
