package dev.hourglass.testing.internal;

/**
 * Added to a failed test's failure as a suppressed exception, so that the failure names the file of the test's HTML
 * timelines while keeping its own type and message (which IDEs compare). It has no stack trace of its own.
 */
public final class TimelinesLink extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The start of the message, followed by the file's URI. */
    static final String PREFIX = "Hourglass timelines of this test: ";

    TimelinesLink(String message) {
        super(message, null, false, false);
    }
}
