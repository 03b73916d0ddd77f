package dev.hourglass.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hourglass.client.WorkflowClient;
import dev.hourglass.client.WorkflowOptions;
import dev.hourglass.common.DataConverterException;
import dev.hourglass.history.EventType;
import dev.hourglass.history.HistoryEvent;
import dev.hourglass.workflow.SignalMethod;
import dev.hourglass.workflow.Workflow;
import dev.hourglass.workflow.WorkflowInterface;
import dev.hourglass.workflow.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A typed stub refuses arguments that the worker could not read back as the method's parameters, before anything
 * is recorded: such a signal would be skipped, and such a start would fail every workflow task.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TypedStubArgumentCheckTest {

    /** A type that Jackson writes (its getter) but cannot read back: it is abstract, without type information. */
    public abstract static class Shape {
        public abstract double getArea();
    }

    public static final class Square extends Shape {
        private final double side;

        public Square(double side) {
            this.side = side;
        }

        @Override
        public double getArea() {
            return side * side;
        }
    }

    @WorkflowInterface
    public interface Drawing {
        @WorkflowMethod
        int draw(List<String> names);

        @SignalMethod
        void add(Shape shape);

        @SignalMethod
        void name(String name);

        @SignalMethod
        void finish();
    }

    public static class DrawingImpl implements Drawing {
        private final List<String> names = new ArrayList<>();
        private boolean finished;

        @Override
        public int draw(List<String> initial) {
            names.addAll(initial);
            Workflow.await(() -> finished);
            return names.size();
        }

        @Override
        public void add(Shape shape) {
            names.add("shape");
        }

        @Override
        public void name(String name) {
            names.add(name);
        }

        @Override
        public void finish() {
            finished = true;
        }
    }

    @WorkflowInterface
    public interface Framing {
        @WorkflowMethod
        double frame(Shape shape);
    }

    public static class FramingImpl implements Framing {
        @Override
        public double frame(Shape shape) {
            return shape.getArea();
        }
    }

    private TestWorkflowEnvironment env;
    private Drawing drawing;

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        env.newWorker("drawings").registerWorkflowImplementationTypes(DrawingImpl.class, FramingImpl.class);
        env.start();
        drawing = env.getWorkflowClient().newWorkflowStub(Drawing.class,
                WorkflowOptions.newBuilder().setTaskQueue("drawings").setWorkflowId("drawing-1").build());
        WorkflowClient.start(drawing::draw, List.of("first"));
    }

    @AfterEach
    void close() {
        env.close();
    }

    @Test
    void aSignalWhoseArgumentItsHandlerCouldNotReadIsRefusedNamingTheHandler() {
        assertThatThrownBy(() -> drawing.add(new Square(2)))
                .isInstanceOf(DataConverterException.class)
                .hasMessageStartingWith("cannot signal add to workflow drawing-1: the arguments would be recorded,"
                        + " but its handler Drawing.add could not read them back")
                .hasMessageContaining("to " + Shape.class.getTypeName())
                .hasMessageContaining("abstract");
    }

    @Test
    void aRefusedSignalIsNotRecorded() {
        assertThatThrownBy(() -> drawing.add(new Square(2))).isInstanceOf(DataConverterException.class);
        drawing.finish();

        assertThat(drawing.draw(List.of())).isEqualTo(1);
        assertThat(env.getWorkflowClient().fetchHistory("drawing-1").getEvents())
                .extracting(HistoryEvent::getEventType)
                .containsOnlyOnce(EventType.WorkflowExecutionSignaled);
    }

    @Test
    void signalsWhoseArgumentsReadBackAreSent() {
        drawing.name("second");
        drawing.finish();

        assertThat(drawing.draw(List.of())).isEqualTo(2);
    }

    @Test
    void aStartWhoseArgumentTheWorkflowMethodCouldNotReadIsRefusedBeforeAnythingIsRecorded() {
        Framing framing = env.getWorkflowClient().newWorkflowStub(Framing.class,
                WorkflowOptions.newBuilder().setTaskQueue("drawings").setWorkflowId("frame-1").build());

        assertThatThrownBy(() -> framing.frame(new Square(3)))
                .isInstanceOf(DataConverterException.class)
                .hasMessageStartingWith("cannot start workflow Framing (workflowId=frame-1): the arguments would be"
                        + " recorded, but the workflow method Framing.frame could not read them back");
        assertThatThrownBy(() -> env.getWorkflowClient().fetchHistory("frame-1"))
                .isInstanceOf(RuntimeException.class);
    }
}
