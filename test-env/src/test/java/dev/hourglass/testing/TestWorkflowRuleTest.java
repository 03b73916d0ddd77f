package dev.hourglass.testing;

import static dev.hourglass.testing.HourglassAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowClientOptions;
import dev.hourglass.common.WorkflowExecution;
import dev.hourglass.history.History;
import dev.hourglass.testing.JUnit4Examples.Example;
import dev.hourglass.testing.JUnit4Examples.Outcome;
import dev.hourglass.testing.MoneyTransfer.FakeAccounts;
import dev.hourglass.testing.MoneyTransfer.Transfer;
import dev.hourglass.testing.MoneyTransfer.TransferImpl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.Rule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link TestWorkflowRule} does for a JUnit 4 test: runs example JUnit 4 classes with {@code JUnitCore} and
 * looks at their results and at what their tests saw.
 */
class TestWorkflowRuleTest {

    /** What the tests of the example classes saw, in the order they saw it. */
    static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetWhatEarlierExamplesSaw() {
        SEEN.clear();
    }

    public static class TransferExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @org.junit.Test
        public void transfer() {
            long before = rule.getTestEnvironment().currentTimeMillis();
            SEEN.add(rule.newWorkflowStub(Transfer.class).transfer("alice", "bob", 100));
            SEEN.add(Duration.ofMillis(rule.getTestEnvironment().currentTimeMillis() - before));
        }
    }

    @Test
    void aTestRunsItsWorkflowOnTheRulesWorkerInVirtualTime() {
        Outcome outcome = JUnit4Examples.launch(TransferExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(outcome.result().getRunCount()).isEqualTo(1);
        assertThat(SEEN).containsExactly("moved 100 from alice to bob", Duration.ofDays(3));
    }

    public static class TaskQueueExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder().build();

        @org.junit.Test
        public void looksAtItsQueue() {
            SEEN.add(rule.getTaskQueue());
            SEEN.add(rule.getWorker().getTaskQueue());
        }
    }

    @Test
    void theTaskQueueOfTheWorkerIsNamedAfterTheTestMethod() {
        Outcome outcome = JUnit4Examples.launch(TaskQueueExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).containsExactly("test-looksAtItsQueue", "test-looksAtItsQueue");
    }

    public static class StubIdsExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @org.junit.Test
        public void startsTwo() {
            Transfer first = rule.newWorkflowStub(Transfer.class);
            Transfer second = rule.newWorkflowStub(Transfer.class);
            SEEN.add(WorkflowClient.start(first::transfer, "alice", "bob", 1L).getWorkflowId());
            SEEN.add(WorkflowClient.start(second::transfer, "carol", "dave", 2L).getWorkflowId());
        }
    }

    @Test
    void stubsHaveWorkflowIdsNamedAfterTheTestInTheOrderTheyAreMade() {
        Outcome outcome = JUnit4Examples.launch(StubIdsExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).containsExactly("startsTwo-1", "startsTwo-2");
    }

    public static class TwoTestsExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder().build();

        @org.junit.Test
        public void first() {
            SEEN.add(rule.getTestEnvironment());
        }

        @org.junit.Test
        public void second() {
            SEEN.add(rule.getTestEnvironment());
        }
    }

    @Test
    void eachTestHasAnEnvironmentOfItsOwn() {
        Outcome outcome = JUnit4Examples.launch(TwoTestsExample.class);

        assertThat(outcome.result().getRunCount()).isEqualTo(2);
        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void theEnvironmentIsClosedAfterTheTest() {
        JUnit4Examples.launch(TwoTestsExample.class);

        TestWorkflowEnvironment env = (TestWorkflowEnvironment) SEEN.get(0);
        assertThatThrownBy(() -> env.newWorker("after-the-test"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the test environment is closed");
    }

    public static class DoNotStartExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setDoNotStart(true)
                .build();

        @org.junit.Test
        public void registersThenStarts() {
            rule.getWorker().registerActivitiesImplementations(new FakeAccounts());
            rule.getTestEnvironment().start();
            SEEN.add(rule.newWorkflowStub(Transfer.class).transfer("alice", "bob", 100));
        }
    }

    @Test
    void withDoNotStartTheTestRegistersMoreOnTheWorkerThenStartsTheEnvironment() {
        Outcome outcome = JUnit4Examples.launch(DoNotStartExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).containsExactly("moved 100 from alice to bob");
    }

    public static class NoTimeskippingExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .setUseTimeskipping(false)
                .build();

        @org.junit.Test
        public void movesTheClockItself() {
            String workflowId = WorkflowClient.start(rule.newWorkflowStub(Transfer.class)::transfer,
                    "alice", "bob", 100L).getWorkflowId();
            CompletableFuture<String> result =
                    rule.getWorkflowClient().newUntypedWorkflowStub(workflowId).getResultAsync(String.class);
            rule.getTestEnvironment().sleep(Duration.ofDays(2));
            SEEN.add(result.isDone());
            rule.getTestEnvironment().sleep(Duration.ofDays(1));
            SEEN.add(result.join());
        }
    }

    @Test
    void withoutTimeskippingOnlyTheTestMovesTheClock() {
        Outcome outcome = JUnit4Examples.launch(NoTimeskippingExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).containsExactly(false, "moved 100 from alice to bob");
    }

    static final TestEnvironmentOptions SEEDED = TestEnvironmentOptions.newBuilder().setSeed(77).build();
    static final WorkflowClientOptions CLIENT_OPTIONS = WorkflowClientOptions.newBuilder().build();

    public static class OptionsExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowClientOptions(CLIENT_OPTIONS)
                .setTestEnvironmentOptions(SEEDED)
                .build();

        @org.junit.Test
        public void looksAtTheOptions() {
            SEEN.add(rule.getTestEnvironment().getSeed());
            SEEN.add(rule.getWorkflowClient().getOptions());
        }
    }

    @Test
    void theEnvironmentHasTheTestEnvironmentOptionsWithTheClientOptionsSetOnTheBuilder() {
        Outcome outcome = JUnit4Examples.launch(OptionsExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).containsExactly(77L, CLIENT_OPTIONS);
    }

    public static class NamespaceExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setNamespace("payments")
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @org.junit.Test
        public void transfers() {
            SEEN.add(rule.newWorkflowStub(Transfer.class).transfer("alice", "bob", 100));
        }
    }

    @Test
    void aNamespaceIsAcceptedAndChangesNothing() {
        Outcome outcome = JUnit4Examples.launch(NamespaceExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        assertThat(SEEN).containsExactly("moved 100 from alice to bob");
    }

    public static class HistoryExample extends Example {
        @Rule
        public final TestWorkflowRule rule = TestWorkflowRule.newBuilder()
                .setWorkflowTypes(TransferImpl.class)
                .setActivityImplementations(new FakeAccounts())
                .build();

        @org.junit.Test
        public void fetchesTheHistory() {
            Transfer transfer = rule.newWorkflowStub(Transfer.class);
            WorkflowExecution execution = WorkflowClient.start(transfer::transfer, "alice", "bob", 100L);
            rule.getWorkflowClient().newUntypedWorkflowStub(execution.getWorkflowId()).getResult(String.class);
            SEEN.add(execution);
            SEEN.add(rule.getHistory(execution));
        }
    }

    @Test
    void getHistoryReturnsTheHistoryOfAnExecution() {
        Outcome outcome = JUnit4Examples.launch(HistoryExample.class);

        assertThat(outcome.result().wasSuccessful()).isTrue();
        WorkflowExecution execution = (WorkflowExecution) SEEN.get(0);
        History history = (History) SEEN.get(1);
        assertThat(history.getRunId()).isEqualTo(execution.getRunId());
        assertThat(history).completedWith("moved 100 from alice to bob");
    }

    @Test
    void theAccessorsOutsideATestSayTheyWorkOnlyWhileATestRuns() {
        TestWorkflowRule rule = TestWorkflowRule.newBuilder().build();

        assertThatThrownBy(rule::getWorker)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("TestWorkflowRule.getWorker() works only while a test runs: the rule creates the"
                        + " environment before each test and closes it after; declare the rule as a public @Rule"
                        + " field and call this from a test, @Before or @After method");
    }

    public static class ClassRuleExample {
        @org.junit.ClassRule
        public static final TestWorkflowRule RULE = TestWorkflowRule.newBuilder().build();

        @org.junit.Test
        public void neverRuns() {
            SEEN.add("ran");
        }
    }

    @Test
    void asAClassRuleItFailsAndSaysToUseItAsARule() {
        Outcome outcome = JUnit4Examples.launch(ClassRuleExample.class);

        assertThat(outcome.onlyFailureMessage()).isEqualTo("TestWorkflowRule gives each test an environment of its"
                + " own, so it cannot wrap " + ClassRuleExample.class.getName() + " as a whole: declare it as a"
                + " public @Rule instance field, not a @ClassRule");
        assertThat(SEEN).isEmpty();
    }
}
