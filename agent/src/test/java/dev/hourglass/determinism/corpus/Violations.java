package dev.hourglass.determinism.corpus;

import dev.hourglass.activity.ActivityInterface;
import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.Functions;
import dev.hourglass.workflow.Promise;
import dev.hourglass.workflow.SuppressDeterminismCheck;
import dev.hourglass.workflow.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.example.library.Settings;
import org.example.library.TimeSource;

/**
 * Workflow classes that each make one nondeterministic call, reached in a different way. The line of each call
 * carries a comment {@code finding: <name>} that the tests look up.
 */
public final class Violations {

    private Violations() {
    }

    /** Reads the clock in the workflow method itself. */
    public static class DirectClock implements Job {
        @Override
        public String run(String input) {
            long started = System.currentTimeMillis(); // finding: direct-clock
            return input + started;
        }
    }

    /** Makes a supplier of a method reference to the clock. */
    public static class MethodReference implements Job {
        @Override
        public String run(String input) {
            Supplier<Instant> clock = Instant::now; // finding: method-reference
            return input + clock.get();
        }
    }

    /** Draws a random id through a helper class of the application. */
    public static class ThroughHelper implements Job {
        @Override
        public String run(String input) {
            return Ids.next(input); // finding: helper-call
        }
    }

    /** Reads a file through a third-party library. */
    public static class ThroughLibrary implements Job {
        private final Settings settings = new Settings(Path.of("settings.properties"));

        @Override
        public String run(String input) {
            return settings.get(input); // finding: library-call
        }
    }

    /** Sleeps in a signal handler. */
    public static class InSignalHandler implements Approval {
        private String approver;

        @Override
        public String await() {
            Workflow.await(() -> approver != null);
            return approver;
        }

        @Override
        public void approve(String approver) {
            try {
                Thread.sleep(100); // finding: signal-sleep
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            this.approver = approver;
        }

        @Override
        public String status() {
            return approver == null ? "waiting" : "approved by " + approver;
        }
    }

    /** Answers a query with today's date from the system clock. */
    public static class InQueryMethod implements Approval {
        private String approver;

        @Override
        public String await() {
            Workflow.await(() -> approver != null);
            return approver;
        }

        @Override
        public void approve(String approver) {
            this.approver = approver;
        }

        @Override
        public String status() {
            return "waiting since " + LocalDate.now(); // finding: query-date
        }
    }

    /** Draws a random number in the lambda of a Workflow.async. */
    public static class InAsyncLambda implements Job {
        @Override
        public String run(String input) {
            Promise<Integer> draw = Workflow.async(() -> ThreadLocalRandom.current().nextInt()); // finding: async-lambda
            return input + draw.get();
        }
    }

    /** Draws a random number in an anonymous class given to Workflow.async, which Hourglass calls. */
    public static class InAsyncAnonymousClass implements Job {
        @Override
        public String run(String input) {
            Promise<Integer> draw = Workflow.async(new Functions.Func<Integer>() {
                @Override
                public Integer apply() {
                    return new Random().nextInt(); // finding: async-anonymous
                }
            });
            return input + draw.get();
        }
    }

    /** A user's thread. */
    static final class Poller extends Thread {
        @Override
        public void run() {
            // polls nothing: only its start matters
        }
    }

    /** Starts a user's subclass of Thread. */
    public static class StartsThreadSubclass implements Job {
        @Override
        public String run(String input) {
            new Poller().start(); // finding: thread-subclass
            return input;
        }
    }

    /** Where prices come from; only one implementation is ever created. */
    interface PriceSource {
        long price(String item);
    }

    /** The implementation the workflow creates. */
    static final class ListedPrices implements PriceSource {
        @Override
        public long price(String item) {
            return item.length() * 100L + System.nanoTime() % 2; // finding: created-implementation
        }
    }

    /** An implementation that no workflow code creates: not walked. */
    static final class LivePrices implements PriceSource {
        @Override
        public long price(String item) {
            return Instant.now().toEpochMilli();
        }
    }

    /** Calls an interface method whose implementation it creates. */
    public static class ThroughInterface implements Job {
        @Override
        public String run(String input) {
            PriceSource prices = new ListedPrices();
            return input + prices.price(input); // finding: interface-call
        }
    }

    /** An activity interface with a default method, which runs as workflow code. */
    @ActivityInterface
    public interface Mailer {
        void send(String to, String text);

        default void sendStamped(String to, String text) {
            send(to, LocalDate.now() + ": " + text); // finding: activity-default
        }
    }

    /** Calls the default method of an activity interface through its stub. */
    public static class ActivityDefaultMethod implements Job {
        private final Mailer mailer = Workflow.newActivityStub(Mailer.class,
                ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(5)).build());

        @Override
        public String run(String input) {
            mailer.sendStamped(input, "done"); // finding: activity-default-call
            return input;
        }
    }

    /** Suppresses the check without saying why. */
    public static class BlankSuppression implements Job {
        @Override
        public String run(String input) {
            return stamp(input);
        }

        @SuppressDeterminismCheck(reason = " ")
        private static String stamp(String input) {
            return input + System.currentTimeMillis(); // finding: blank-suppression
        }
    }

    /** Makes three nondeterministic calls: two in the workflow class, one in a helper it calls first. */
    public static class ThreeCalls implements Job {
        @Override
        public String run(String input) {
            String id = Ids.next(input);
            long elapsed = System.nanoTime(); // finding: three-nano
            return id + elapsed + today();
        }

        private static String today() {
            return LocalDate.now().toString(); // finding: three-date
        }
    }

    /** Delays whose constants have bodies, which the enum's static initialiser creates. */
    enum Jitter {
        NONE {
            @Override
            long delay(long millis) {
                return millis;
            }
        },
        RANDOM {
            @Override
            long delay(long millis) {
                return millis + (long) (Math.random() * 100); // finding: enum-constant-body
            }
        };

        abstract long delay(long millis);
    }

    /** Calls a method of an enum constant with a body. */
    public static class EnumConstantBody implements Job {
        @Override
        public String run(String input) {
            return input + Jitter.valueOf(input).delay(1000);
        }
    }

    /** Reads a library's default clock, created by the library's static initialiser. */
    public static class LibrarySingleton implements Job {
        @Override
        public String run(String input) {
            return input + TimeSource.SYSTEM.millis();
        }
    }

    /** A receipt whose text says when it was printed. */
    static final class Receipt {
        @Override
        public String toString() {
            return "receipt printed at " + Instant.now(); // finding: implicit-to-string
        }
    }

    /** Concatenates an object whose toString reads the clock: the JDK calls toString. */
    public static class ImplicitToString implements Job {
        @Override
        public String run(String input) {
            return input + new Receipt();
        }
    }

    /** Reads the clock twice on one line. */
    public static class TwoCallsOnOneLine implements Job {
        @Override
        public String run(String input) {
            return input + System.nanoTime() + "/" + System.nanoTime(); // finding: two-on-one-line
        }
    }

    /** Reads the clock in its static initialiser. */
    public static class StaticInitialiser implements Job {
        private static final long LOADED_AT = System.currentTimeMillis(); // finding: static-initialiser

        @Override
        public String run(String input) {
            return input + LOADED_AT;
        }
    }

    /** Inherits a query method with a body from its workflow interface. */
    public static class InheritsDefaultQuery implements Stamped {
        @Override
        public String run(String input) {
            return input;
        }
    }

    /** Stores the supplier of a side effect in a variable first: the check does not follow it into the call. */
    public static class SideEffectSupplierInVariable implements Job {
        @Override
        public String run(String input) {
            Supplier<Long> clock = () -> System.currentTimeMillis(); // finding: side-effect-variable
            return input + Workflow.sideEffect(Long.class, clock);
        }
    }

    /** Streams a list in parallel: the call names List, which the catalog does not list as an owner. */
    public static class ParallelStreamOfAList implements Job {
        @Override
        public String run(String input) {
            List<String> words = List.of(input.split(" "));
            return words.parallelStream().map(String::trim).collect(Collectors.joining(",")); // finding: parallel-list
        }
    }
}
