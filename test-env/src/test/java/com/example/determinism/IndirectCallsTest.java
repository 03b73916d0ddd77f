package com.example.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hourglass.testing.TestWorkflowEnvironment;
import dev.hourglass.testing.WorkflowTaskFailedException;
import java.util.stream.Stream;
import org.example.library.Backoff;
import org.example.library.Ids;
import org.example.library.Stopwatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forbidden calls that workflow code reaches through method references, helper classes, a third-party library
 * and methods that user classes inherit from the JDK count as if made directly; the report names the call's own
 * line and, when that is outside the workflow code, the workflow line that led to it.
 */
class IndirectCallsTest {

    private static final String CLOCK = "Use Workflow.currentTimeMillis()";
    private static final String THREADS = "Use Workflow.async(...)";

    static Stream<Arguments> violations() {
        Class<?> self = IndirectCalls.class;
        return Stream.of(
                // scenario, call, replacement, the call's class and marker, the workflow line that reached it
                Arguments.of("reference System::currentTimeMillis", "System.currentTimeMillis()", CLOCK, self,
                        "reference System::currentTimeMillis", "reference System::currentTimeMillis"),
                Arguments.of("reference UUID::randomUUID", "UUID.randomUUID()", "Use Workflow.randomUUID()", self,
                        "reference UUID::randomUUID", "reference UUID::randomUUID"),
                Arguments.of("reference Random::new", "new Random()", "Use Workflow.newRandom()", self,
                        "reference Random::new", "reference Random::new"),
                Arguments.of("reference System::getenv in Optional.map", "System.getenv(...)",
                        "Pass the value as a workflow argument", self, "reference System::getenv in Optional.map",
                        null),
                Arguments.of("reference worker::start", "Thread.start()", THREADS, self, "reference worker::start",
                        "reference worker::start"),
                Arguments.of("helper class", "Instant.now()", CLOCK, Clocks.class, "Clocks.stamp", "helper class"),
                Arguments.of("library call", "UUID.randomUUID()", "Use Workflow.randomUUID()", Ids.class, "Ids.next",
                        "library call"),
                Arguments.of("library sleep", "Thread.sleep(...)", "Use Workflow.sleep(duration)", Backoff.class,
                        "Backoff.pause", "library sleep"),
                Arguments.of("library clock", "System.nanoTime()", CLOCK, Stopwatch.class, "Stopwatch.elapsedSince",
                        "library clock"),
                Arguments.of("library method reference", "System.currentTimeMillis()", CLOCK, Stopwatch.class,
                        "Stopwatch.wallClock", "library method reference"),
                Arguments.of("Thread subclass start", "Thread.start()", THREADS, self, "Thread subclass start", null),
                Arguments.of("Thread subclass join(millis)", "Thread.join()",
                        "Use Workflow.async(...) and wait for its Promise", self, "Thread subclass join(millis)", null),
                Arguments.of("Executor implementation execute", "ExecutorService.execute(...)", THREADS, self,
                        "Executor implementation execute", null),
                Arguments.of("BlockingQueue subclass put", "BlockingQueue.put(...)", "Keep the items in a plain list",
                        self, "BlockingQueue subclass put", null),
                Arguments.of("List.parallelStream through a helper", "Collection.parallelStream()", "Use stream()",
                        self, "List.parallelStream through a helper", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void aForbiddenCallReachedIndirectlyFailsTheTaskAndNamesBothLines(String scenario, String call,
            String replacement, Class<?> site, String siteMarker, String reachedFrom) {
        try (TestWorkflowEnvironment env = Corpus.environment(IndirectCalls.class)) {
            Throwable thrown = Corpus.thrownBy(() -> Corpus.stub(env, "indirect").run(scenario));

            assertThat(thrown).isInstanceOf(WorkflowTaskFailedException.class);
            CorpusAssertions.assertReported(thrown, call, replacement, site, siteMarker, IndirectCalls.class,
                    reachedFrom);
        }
    }
}
