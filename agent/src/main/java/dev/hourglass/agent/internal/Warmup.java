package dev.hourglass.agent.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;

/**
 * Loads every class the transformer uses before it is registered, by rewriting a class of its own: a class that
 * the transformer needed while that very class was loading would otherwise be defined twice.
 */
final class Warmup {

    private Warmup() {
    }

    static void run(CallSiteRewriter rewriter) {
        String resource = Sample.class.getName().replace('.', '/') + ".class";
        byte[] classFile;
        try (InputStream in = Warmup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + resource);
            }
            classFile = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rewriter.transform(Warmup.class.getClassLoader(), "warmup/Sample", null, null, classFile) == null) {
            throw new IllegalStateException("the determinism agent's rewriting does not work in this JVM");
        }
        Checks.receiverType(0);
        Violations.isFailing();
    }

    /** A class with each kind of call site the rewriting changes; never run. */
    @SuppressWarnings("unused")
    private static final class Sample {
        long clock() {
            return System.currentTimeMillis();
        }

        LongSupplier reference() {
            return System::nanoTime;
        }

        void receiver(List<String> list, Executor executor) {
            list.parallelStream();
            executor.execute(() -> { });
        }
    }
}
