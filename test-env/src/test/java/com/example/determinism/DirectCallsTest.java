package com.example.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.failure.NondeterministicCallError;
import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.WorkflowTaskFailedException;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of forbidden call, made directly by a workflow method, fails the workflow task and names itself. */
class DirectCallsTest {

    @BeforeAll
    static void loadTheScenariosOutsideWorkflowCode() {
        assertThat(DirectCalls.HTTP).isNotNull();
    }

    static Stream<Arguments> violations() {
        String clock = "Use Workflow.currentTimeMillis()";
        String random = "Use Workflow.newRandom()";
        String threads = "Use Workflow.async(...)";
        String io = "Do it in an activity";
        return Stream.of(
                Arguments.of("System.currentTimeMillis", "System.currentTimeMillis()", clock),
                Arguments.of("System.nanoTime", "System.nanoTime()", clock),
                Arguments.of("Instant.now", "Instant.now()", clock),
                Arguments.of("LocalDate.now", "LocalDate.now()", clock),
                Arguments.of("LocalDateTime.now(zone)", "LocalDateTime.now()", clock),
                Arguments.of("ZonedDateTime.now", "ZonedDateTime.now()", clock),
                Arguments.of("Clock.systemUTC", "Clock.systemUTC()", clock),
                Arguments.of("new Date", "new Date()", "Use new Date(Workflow.currentTimeMillis())"),
                Arguments.of("Calendar.getInstance", "Calendar.getInstance()",
                        "setTimeInMillis(Workflow.currentTimeMillis())"),
                Arguments.of("new Random", "new Random()", random),
                Arguments.of("Math.random", "Math.random()", random),
                Arguments.of("UUID.randomUUID", "UUID.randomUUID()", "Use Workflow.randomUUID()"),
                Arguments.of("new SecureRandom", "new SecureRandom()", "Draw secrets in an activity"),
                Arguments.of("ThreadLocalRandom.current", "ThreadLocalRandom.current()", random),
                Arguments.of("Collections.shuffle", "Collections.shuffle(list)",
                        "Use Collections.shuffle(list, Workflow.newRandom())"),
                Arguments.of("Thread.start", "Thread.start()", threads),
                Arguments.of("Executors.newSingleThreadExecutor", "Executors.newSingleThreadExecutor(...)", threads),
                Arguments.of("CompletableFuture.supplyAsync", "CompletableFuture.supplyAsync(...)", threads),
                Arguments.of("List.parallelStream", "Collection.parallelStream()", "Use stream()"),
                Arguments.of("Thread.sleep", "Thread.sleep(...)", "Use Workflow.sleep(duration)"),
                Arguments.of("CountDownLatch.await", "CountDownLatch.await()", "Wait with Workflow.await(condition)"),
                Arguments.of("ReentrantLock.lock", "Lock.lock()", "needs no lock"),
                Arguments.of("CompletableFuture.get", "Future.get()", "Wait for a Promise with Promise.get()"),
                Arguments.of("Object.wait", "Object.wait()", "Use Workflow.await(condition)"),
                Arguments.of("LinkedBlockingQueue.take", "BlockingQueue.take(...)", "Keep the items in a plain list"),
                Arguments.of("Files.exists", "Files.*(...)", io),
                Arguments.of("File.exists", "File.exists(...)", io),
                Arguments.of("new Socket", "new Socket(...)", io),
                Arguments.of("System.getenv(name)", "System.getenv(...)", "Pass the value as a workflow argument"),
                Arguments.of("System.getenv()", "System.getenv(...)", "Pass the value as a workflow argument"),
                Arguments.of("LocalTime.now", "LocalTime.now()", clock),
                Arguments.of("OffsetDateTime.now", "OffsetDateTime.now()", clock),
                Arguments.of("Clock.systemDefaultZone", "Clock.systemDefaultZone()", clock),
                Arguments.of("new SplittableRandom", "new SplittableRandom()", random),
                Arguments.of("new Timer", "new Timer()", "Use Workflow.newTimer(duration)"),
                Arguments.of("ForkJoinPool.commonPool", "ForkJoinPool.commonPool()", threads),
                Arguments.of("Semaphore.acquire", "Semaphore.acquire()", "Wait with Workflow.await(condition)"),
                Arguments.of("new FileInputStream", "new FileInputStream(...)", io),
                Arguments.of("FileChannel.open", "FileChannel.open(...)", io),
                Arguments.of("URL.openStream", "URL.openStream(...)", io),
                Arguments.of("HttpClient.send", "HttpClient.send(...)", io),
                Arguments.of("DriverManager.getConnection", "DriverManager.getConnection(...)", io),
                Arguments.of("TimeUnit.sleep", "TimeUnit.sleep(...)", "Use Workflow.sleep(duration)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void aForbiddenCallInAWorkflowMethodFailsTheTaskAndNamesTheCallTheReplacementAndTheLine(String scenario,
            String call, String replacement) {
        try (TestWorkflowEnvironment env = Corpus.environment(DirectCalls.class)) {
            Throwable thrown = Corpus.thrownBy(() -> Corpus.stub(env, "direct").run(scenario));

            assertThat(thrown).isInstanceOf(WorkflowTaskFailedException.class);
            NondeterministicCallError error = Corpus.violation(thrown);
            assertThat(error).as("the NondeterministicCallError in %s", thrown).isNotNull();
            assertThat(error.getMessage())
                    .startsWith("workflow code called " + call + " at com.example.determinism.DirectCalls.call"
                            + SourceLines.at(DirectCalls.class, "at:" + scenario) + ": ")
                    .contains(replacement)
                    .doesNotContain("reached from");
        }
    }
}
