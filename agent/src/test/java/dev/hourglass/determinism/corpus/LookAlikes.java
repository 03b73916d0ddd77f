package dev.hourglass.determinism.corpus;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.SuppressDeterminismCheck;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.example.library.Durations;
import org.slf4j.Logger;

/**
 * Workflow classes whose code looks like it might be nondeterministic but is not: none may be reported.
 */
public final class LookAlikes {

    private LookAlikes() {
    }

    /** A Random with a seed the workflow got as an argument. */
    public static class SeededRandom implements Job {
        @Override
        public String run(String input) {
            return input + new Random(input.hashCode()).nextInt(10);
        }
    }

    /** Shuffles with a Random of the workflow's. */
    public static class ShuffleWithRandom implements Job {
        @Override
        public String run(String input) {
            List<String> letters = new ArrayList<>(List.of(input.split("")));
            Collections.shuffle(letters, Workflow.newRandom());
            return String.join("", letters);
        }
    }

    /** Makes an Instant from the workflow's clock. */
    public static class InstantFromWorkflowClock implements Job {
        @Override
        public String run(String input) {
            return input + Instant.ofEpochMilli(Workflow.currentTimeMillis());
        }
    }

    /** Makes dates from fields and from text. */
    public static class DateFactories implements Job {
        @Override
        public String run(String input) {
            LocalDate due = LocalDate.of(2030, 1, 31);
            return due.isBefore(LocalDate.parse(input)) ? "late" : "on time";
        }
    }

    /** Adds and compares durations. */
    public static class DurationArithmetic implements Job {
        @Override
        public String run(String input) {
            Duration hold = Duration.ofDays(3).plusHours(12).multipliedBy(2);
            Workflow.sleep(hold.minus(Durations.parse(input)));
            return hold.compareTo(Duration.ofDays(7)) == 0 ? "a week" : hold.toString();
        }
    }

    /** Groups and sorts with collections and streams, sequentially. */
    public static class CollectionsAndStreams implements Job {
        @Override
        public String run(String input) {
            Map<Character, Long> counts = input.chars().mapToObj(c -> (char) c)
                    .collect(Collectors.groupingBy(c -> c, LinkedHashMap::new, Collectors.counting()));
            List<Character> keys = new ArrayList<>(counts.keySet());
            keys.sort(Character::compare);
            return keys + " " + Optional.ofNullable(counts.get('a')).orElse(0L);
        }
    }

    /** Formats, splits and builds strings. */
    public static class Strings implements Job {
        @Override
        public String run(String input) {
            StringBuilder text = new StringBuilder(input.trim().toUpperCase());
            text.append(String.format("%05d", input.length())).append(String.join(",", input.split(" ")));
            return text.reverse().toString() + ("x" + input.length() + "y");
        }
    }

    /** A record, whose equals, hashCode and toString the compiler makes with an invokedynamic. */
    record Line(String item, long cents) {
        Line {
            if (cents < 0) {
                throw new IllegalArgumentException("negative price of " + item + ": " + cents);
            }
        }
    }

    /** Uses records. */
    public static class Records implements Job {
        @Override
        public String run(String input) {
            Line line = new Line(input, input.length());
            return line + " " + line.equals(new Line(input, 3)) + line.hashCode();
        }
    }

    /** An exception of the application's own. */
    static final class RejectedException extends RuntimeException {
        RejectedException(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String getMessage() {
            return "rejected: " + super.getMessage();
        }
    }

    /** Throws, catches and wraps exceptions. */
    public static class Exceptions implements Job {
        @Override
        public String run(String input) {
            try {
                return String.valueOf(Integer.parseInt(input));
            } catch (NumberFormatException e) {
                throw new RejectedException("not a number: " + input, e);
            }
        }
    }

    /** Records the clock through a method reference given to Workflow.sideEffect. */
    public static class SideEffectMethodReference implements Job {
        @Override
        public String run(String input) {
            long now = Workflow.sideEffect(Long.class, System::currentTimeMillis);
            return input + now;
        }
    }

    /** Records the clock and a random id in a lambda given to Workflow.sideEffect. */
    public static class SideEffectLambda implements Job {
        @Override
        public String run(String input) {
            String stamp = Workflow.sideEffect(String.class, () -> Instant.now() + "/" + UUID.randomUUID());
            return input + stamp;
        }
    }

    /** Logs with the workflow's replay-safe logger. */
    public static class WorkflowLogger implements Job {
        private static final Logger log = Workflow.getLogger(WorkflowLogger.class);

        @Override
        public String run(String input) {
            log.info("running {} at {}", input, Workflow.currentTimeMillis());
            Workflow.getLogger("jobs").info("run of {}", input);
            return input;
        }
    }

    /** Calls a method whose clock reading is suppressed with a reason. */
    public static class SuppressedHelper implements Job {
        @Override
        public String run(String input) {
            return input.isEmpty() ? debugStamp() : input;
        }

        @SuppressDeterminismCheck(reason = "only called for an empty input, which clients never send")
        private static String debugStamp() {
            return Instant.now().toString();
        }
    }

    /** An activity interface; its implementation reads the clock, as activities may. */
    @ActivityInterface
    public interface Clerk {
        String stamp(String text);
    }

    /** The activity implementation: never walked, because workflow code calls it through a stub. */
    public static final class ClerkImpl implements Clerk {
        @Override
        public String stamp(String text) {
            return text + " at " + Instant.now();
        }
    }

    /** Calls an activity whose implementation reads the clock. */
    public static class CallsActivity implements Job {
        private final Clerk clerk = Workflow.newActivityStub(Clerk.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String run(String input) {
            return clerk.stamp(input);
        }
    }

    /** Draws values from the workflow's random sources. */
    public static class WorkflowRandomness implements Job {
        @Override
        public String run(String input) {
            Supplier<UUID> ids = Workflow::randomUUID;
            return input + Workflow.newRandom().nextInt(6) + ids.get();
        }
    }

    /** A list of the application's own whose clear() reads the clock; nothing calls clear(). */
    static final class Batch extends AbstractList<String> {
        private final List<String> items = new ArrayList<>();

        @Override
        public String get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public void clear() {
            items.clear();
            items.add("cleared at " + Instant.now());
        }
    }

    /** Creates a list of its own and asks only its size. */
    public static class UncalledOverride implements Job {
        @Override
        public String run(String input) {
            return input + new Batch().size();
        }
    }
}
