package dev.hourglass.samples.replaygate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.history.History;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.samples.ordersaga.OrderWorkflowImpl;
import dev.hourglass.testing.HourglassAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorder of the samples' corpus, and what the committed corpus holds. */
class SampleHistoriesTest {

    @Test
    void recordingInTwoFreshJvmsGivesTheSameFilesByteForByte(@TempDir Path work) throws IOException {
        Path first = Files.createDirectory(work.resolve("first"));
        Path second = Files.createDirectory(work.resolve("second"));

        FreshJvm.run(SampleHistories.class, work, first.toString());
        FreshJvm.run(SampleHistories.class, work, second.toString());

        List<Path> once = files(first);
        assertThat(once).hasSize(13);
        assertThat(files(second)).extracting(Path::getFileName)
                .containsExactlyElementsOf(once.stream().map(Path::getFileName).collect(Collectors.toList()));
        for (Path file : once) {
            assertThat(Files.readAllBytes(second.resolve(file.getFileName()))).as(file.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(file));
        }
    }

    @Test
    void recordingWritesTheUsageHistoriesGzippedAndTheOthersPlain(@TempDir Path directory) {
        List<Path> files = SampleHistories.record(directory);

        assertThat(files).allSatisfy(file -> assertThat(file.getFileName().toString())
                .endsWith(file.getFileName().toString().startsWith("usage-") ? ".json.gz" : ".json"));
    }

    @Test
    void committedCorpusHoldsAnOpenAndAClosedExecutionOfEverySampleWorkflow() {
        Map<String, Map<Boolean, Long>> openByType = ReplayGateTest.currentCodeGate().run().getResults().stream()
                .collect(Collectors.groupingBy(ReplayResult::getWorkflowType,
                        Collectors.partitioningBy(ReplayResult::isOpen, Collectors.counting())));

        assertThat(openByType).containsOnlyKeys("MoneyTransferWorkflow", "OrderWorkflow", "SubscriptionWorkflow",
                "UsageMeteringWorkflow");
        assertThat(openByType).allSatisfy((type, counts) -> {
            assertThat(counts.get(true)).as("open executions of %s", type).isPositive();
            assertThat(counts.get(false)).as("closed executions of %s", type).isPositive();
        });
    }

    @Test
    void committedCorpusHoldsATransferRefundedAfterAFailedDeposit() {
        HourglassAssertions.assertThat(History.read(SampleHistories.corpusFile("transfer-refunded")))
                .hasActivityScheduled("refund")
                .failedWith("AccountClosed");
    }

    @Test
    void committedCorpusHoldsAnOrderCompensatedAfterNoPickUp() {
        HourglassAssertions.assertThat(History.read(SampleHistories.corpusFile("order-not-picked-up")))
                .hasActivityScheduled("releaseHold")
                .hasActivityScheduled("cancelTicket")
                .failedWith(OrderWorkflowImpl.NOT_PICKED_UP);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().collect(Collectors.toList());
        }
    }
}
