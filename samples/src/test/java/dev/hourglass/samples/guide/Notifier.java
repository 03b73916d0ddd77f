package dev.hourglass.samples.guide;

import dev.hourglass.activity.ActivityInterface;

/** Sends notices to account holders. */
@ActivityInterface
public interface Notifier {

    /** A notice to the holder of an account. */
    record Notice(String account, String text) {
    }

    void send(Notice notice);
}
