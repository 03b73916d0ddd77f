package dev.hourglass.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.history.History;
import dev.hourglass.replay.GateHistories.ChangedDepositMoneyTransferImpl;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** {@link ReplayGate#toDynamicTests()} run on the Jupiter engine through JUnit's {@link EngineTestKit}. */
class ReplayGateDynamicTestsTest {

    private static volatile boolean launching;
    private static volatile History open;
    private static volatile History closed;

    /** Lets the example class run only when launched from here, never when a build tool finds it. */
    static boolean launchedFromTheDynamicTestsTest() {
        return launching;
    }

    /** A test class as a user writes it: the changed code against an open and a closed transfer. */
    @EnabledIf("dev.hourglass.replay.ReplayGateDynamicTestsTest#launchedFromTheDynamicTestsTest")
    static class ProductionHistories {
        @TestFactory
        Stream<DynamicTest> replay() {
            return ReplayGate.newBuilder().registerWorkflowImplementationTypes(ChangedDepositMoneyTransferImpl.class)
                    .addHistory(open).addHistory(closed).build().toDynamicTests();
        }
    }

    @Test
    void eachHistoryIsADynamicTestNamedBySourceThatFailsWhenItIsIncompatible() {
        closed = GateHistories.closedTransfer("transfer-closed");
        open = GateHistories.openTransfer("transfer-open");
        Events tests;
        launching = true;
        try {
            tests = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ProductionHistories.class)).execute()
                    .testEvents();
        } finally {
            launching = false;
        }

        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        tests.assertThatEvents()
                .haveExactly(1, event(displayName("transfer-open/" + open.getRunId()), finishedSuccessfully()))
                .haveExactly(1, event(displayName("transfer-closed/" + closed.getRunId()),
                        finishedWithFailure(instanceOf(AssertionError.class),
                                message(m -> m.startsWith("INCOMPATIBLE: workflow transfer-closed (MoneyTransfer,"
                                        + " closed)") && m.contains("ChangedDepositMoneyTransferImpl.transfer(")))));
        assertThat(tests.failed().list()).singleElement().satisfies(failed -> assertThat(failed
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getCause())
                .isInstanceOf(NonDeterministicException.class));
    }
}
