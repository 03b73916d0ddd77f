package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.hourglass.testing.TestActivityEnvironmentTest.FileProcessor;
import dev.hourglass.testing.TestActivityEnvironmentTest.FileProcessorImpl;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

class TestActivityExtensionTest {

    private static final Set<TestActivityEnvironment> ENVIRONMENTS_SEEN = ConcurrentHashMap.newKeySet();

    @RegisterExtension
    final TestActivityExtension activities = TestActivityExtension.newBuilder()
            .setActivityImplementations(new FileProcessorImpl())
            .build();

    private TestActivityEnvironment environmentOfBeforeEach;

    @BeforeEach
    void rememberTheEnvironment(TestActivityEnvironment env) {
        environmentOfBeforeEach = env;
    }

    @Test
    void injectsAStubThatRunsTheRegisteredImplementation(FileProcessor processor) {
        assertThat(processor.process(3)).isEqualTo(3);
    }

    @Test
    void injectsTheEnvironmentOfTheInjectedStubs(TestActivityEnvironment env, FileProcessor processor) {
        env.setAttempt(3);

        assertThat(processor.describeAttempt()).contains("attempt 3");
    }

    @Test
    void beforeEachMethodsReceiveTheEnvironmentOfTheTest(TestActivityEnvironment env) {
        assertThat(environmentOfBeforeEach).isSameAs(env);
    }

    @Test
    void oneTestHasAnEnvironmentOfItsOwn(TestActivityEnvironment env) {
        assertThat(ENVIRONMENTS_SEEN.add(env)).as("environment is new").isTrue();
    }

    @Test
    void theOtherTestHasAnEnvironmentOfItsOwn(TestActivityEnvironment env) {
        assertThat(ENVIRONMENTS_SEEN.add(env)).as("environment is new").isTrue();
    }

    private static volatile boolean launching;
    private static final List<FileProcessor> STUBS_OF_EXAMPLES = new CopyOnWriteArrayList<>();

    /** Lets the example classes run only when launched from here, never when a build tool finds them. */
    static boolean launchedFromTheActivityExtensionTest() {
        return launching;
    }

    private static synchronized Events launch(Class<?> example) {
        launching = true;
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(example)).execute().testEvents();
        } finally {
            launching = false;
        }
    }

    @EnabledIf("dev.hourglass.testing.TestActivityExtensionTest#launchedFromTheActivityExtensionTest")
    static class KeepsItsStubExample {
        @RegisterExtension
        final TestActivityExtension activities = TestActivityExtension.newBuilder()
                .setActivityImplementations(new FileProcessorImpl())
                .build();

        @Test
        void keepsTheStub(FileProcessor processor) {
            STUBS_OF_EXAMPLES.add(processor);
        }
    }

    @Test
    void theEnvironmentIsClosedAfterTheTest() {
        STUBS_OF_EXAMPLES.clear();
        launch(KeepsItsStubExample.class).assertStatistics(stats -> stats.started(1).succeeded(1));

        assertThatThrownBy(() -> STUBS_OF_EXAMPLES.get(0).process(1)).isInstanceOf(IllegalStateException.class);
    }

    @EnabledIf("dev.hourglass.testing.TestActivityExtensionTest#launchedFromTheActivityExtensionTest")
    static class ConstructorExample {
        @RegisterExtension
        static final TestActivityExtension ACTIVITIES = TestActivityExtension.newBuilder()
                .setActivityImplementations(new FileProcessorImpl())
                .build();

        ConstructorExample(TestActivityEnvironment env) {
        }

        @Test
        void neverRuns() {
        }
    }

    @Test
    void aConstructorCannotReceiveTheEnvironmentAndIsToldWhereToDeclareIt() {
        launch(ConstructorExample.class).assertThatEvents().haveExactly(1, event(test("neverRuns"),
                finishedWithFailure(instanceOf(ParameterResolutionException.class), message(
                        "TestActivityExtension cannot inject a TestActivityEnvironment into "
                                + ConstructorExample.class.getName() + ": the activity environment exists only from"
                                + " before each test to after it, so declare the parameter on the test method or on"
                                + " a @BeforeEach method"))));
    }
}
