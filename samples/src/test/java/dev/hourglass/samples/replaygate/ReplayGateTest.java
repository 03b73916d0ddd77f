package dev.hourglass.samples.replaygate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.replay.ReplayGate;
import dev.hourglass.replay.ReplayReport;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.samples.moneytransfer.MoneyTransferWorkflowImpl;
import dev.hourglass.samples.ordersaga.OrderWorkflowImpl;
import dev.hourglass.samples.subscription.SubscriptionWorkflowImpl;
import dev.hourglass.samples.subscription.UsageMeteringWorkflowImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The replay gate of the samples: every history of the committed corpus replays against the current code. */
class ReplayGateTest {

    // guide: gate-test begin
    @Test
    void recordedHistoriesReplayAgainstTheCurrentCode() {
        ReplayReport report = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class, OrderWorkflowImpl.class,
                        SubscriptionWorkflowImpl.class, UsageMeteringWorkflowImpl.class)
                .addHistories(Path.of("src/test/resources/histories"))
                .build()
                .run();

        assertThat(report.isCompatible()).as(report.toText()).isTrue();
    }
    // guide: gate-test end

    // guide: gate-test-factory begin
    @TestFactory
    Stream<DynamicTest> recordedHistories() {
        return ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class, OrderWorkflowImpl.class,
                        SubscriptionWorkflowImpl.class, UsageMeteringWorkflowImpl.class)
                .addHistories(Path.of("src/test/resources/histories"))
                .build()
                .toDynamicTests();
    }
    // guide: gate-test-factory end

    @Test
    void gateReplaysEveryFileOfTheCorpusPlainAndGzipped() throws IOException {
        long files;
        try (Stream<Path> listing = Files.list(SampleHistories.CORPUS)) {
            files = listing.filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".json.gz"))
                    .count();
        }

        ReplayReport report = currentCodeGate().run();

        assertThat(report.getResults()).hasSize((int) files)
                .anySatisfy(result -> assertThat(result.getSource()).endsWith(".json.gz"))
                .allSatisfy(result -> assertThat(result.getStatus()).isEqualTo(ReplayResult.Status.COMPATIBLE));
    }

    @Test
    void gateReplaysTheOpenExecutionsAsOpen() {
        ReplayReport report = currentCodeGate().run();

        assertThat(report.getResults()).filteredOn(ReplayResult::isOpen).extracting(ReplayResult::getWorkflowId)
                .containsExactlyInAnyOrderElementsOf(SampleHistories.OPEN);
    }

    @Test
    void gateReportsInPathOrderWithOneThreadAsWithSeveral() {
        ReplayReport parallel = currentCodeGate().run();
        ReplayReport sequential = ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class, OrderWorkflowImpl.class,
                        SubscriptionWorkflowImpl.class, UsageMeteringWorkflowImpl.class)
                .addHistories(SampleHistories.CORPUS)
                .setParallelism(1)
                .build()
                .run();

        assertThat(sequential.getResults()).extracting(ReplayResult::getSource)
                .containsExactlyElementsOf(parallel.getResults().stream().map(ReplayResult::getSource).toList());
    }

    static ReplayGate currentCodeGate() {
        return ReplayGate.newBuilder()
                .registerWorkflowImplementationTypes(MoneyTransferWorkflowImpl.class, OrderWorkflowImpl.class,
                        SubscriptionWorkflowImpl.class, UsageMeteringWorkflowImpl.class)
                .addHistories(SampleHistories.CORPUS)
                .setParallelism(2)
                .build();
    }
}
