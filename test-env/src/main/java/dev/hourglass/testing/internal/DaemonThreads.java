package dev.hourglass.testing.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pools of daemon threads shared by every test environment of the JVM. Starting a thread costs more than a short
 * test or fuzz trial does, so the environment's threads come from here and go back when the environment is done.
 * A pool grows with the environments open at once and lets an idle thread go after a few seconds.
 */
final class DaemonThreads {

    private static final long KEEP_ALIVE_SECONDS = 10;

    private DaemonThreads() {
    }

    /** A new pool whose threads are named {@code name-1}, {@code name-2}, … and do not keep the JVM alive. */
    static Executor pool(String name) {
        AtomicInteger number = new AtomicInteger();
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, name + "-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }
}
