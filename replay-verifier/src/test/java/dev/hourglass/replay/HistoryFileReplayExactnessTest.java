package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.internal.replay.Replayer;
import dev.hourglass.replay.TransferWorkflows.MoneyTransferImpl;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A history written to a file and read back replays exactly: numbers read from JSON (an {@code int} when
 * they fit) are the same values as the {@code long}s the code produces.
 */
class HistoryFileReplayExactnessTest {

    @Test
    void historyReadBackFromAFileReplaysWithoutDifferences(@TempDir Path directory) {
        Path file = directory.resolve("transfer-3.json");
        TransferWorkflows.recordTransfer("transfer-3").write(file);

        List<String> warnings = Replayer.replay(History.read(file), false, MoneyTransferImpl.class);

        assertThat(warnings).isEmpty();
    }

    @Test
    void historyReadBackFromAFileReplaysInStrictMode(@TempDir Path directory) {
        Path file = directory.resolve("transfer-4.json");
        TransferWorkflows.recordTransfer("transfer-4").write(file);

        List<String> warnings = Replayer.replay(History.read(file), true, MoneyTransferImpl.class);

        assertThat(warnings).isEmpty();
    }
}
