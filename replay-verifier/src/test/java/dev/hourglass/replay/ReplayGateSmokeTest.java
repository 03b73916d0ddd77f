package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's first promises: a recorded history replays compatible; a malformed file is an ERROR result. */
class ReplayGateSmokeTest {

    @Test
    void aRecordedHistoryIsCompatibleAndAMalformedFileIsAnErrorResult(@TempDir Path dir) throws Exception {
        Files.copy(Path.of("src/test/resources/histories/money-transfer.json"), dir.resolve("a.json"));
        Files.writeString(dir.resolve("b.json"), "{ not json");
        Files.writeString(dir.resolve("notes.txt"), "skipped");

        ReplayReport report = ReplayGate.newBuilder().registerWorkflowImplementationTypes(MoneyTransferImpl.class)
                .addHistories(dir).setParallelism(2).build().run();

        assertThat(report.getResults()).extracting(ReplayResult::getStatus)
                .containsExactly(ReplayResult.Status.COMPATIBLE, ReplayResult.Status.ERROR);
        assertThat(report.isCompatible()).isFalse();
        assertThat(report.toText()).contains("2 histories, 1 compatible, 0 incompatible, 1 in error");
        assertThat(report.toJUnitXml()).contains("<error type=\"dev.hourglass.history.HistoryFormatException\"");
        assertThat(report.toJson()).contains("\"error\" : 1");
    }
}
