package org.example.library;

/** A third-party library that waits between retries by sleeping on the calling thread. */
public final class Backoff {

    private Backoff() {
    }

    public static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis); // at:Backoff.pause
    }
}
