package org.example.library;

import java.util.function.LongSupplier;

/** A third-party library that times things with the JVM's clock. */
public final class Stopwatch {

    private Stopwatch() {
    }

    /** Nanoseconds since {@code start}, read from the JVM's clock. */
    public static long elapsedSince(long start) {
        return System.nanoTime() - start; // at:Stopwatch.elapsedSince
    }

    /** The wall clock as a function, for code that wants to read it later. */
    public static LongSupplier wallClock() {
        return System::currentTimeMillis; // at:Stopwatch.wallClock
    }
}
