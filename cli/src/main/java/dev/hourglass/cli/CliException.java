package dev.hourglass.cli;

/** A failure that the command line reports as one line on standard error, with its exit code. */
final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int exitCode;

    /** A failure of what the command was asked to do: exit code 1. */
    static CliException failed(String message, Throwable cause) {
        return new CliException(message, HourglassCli.FAILED, cause);
    }

    /** Bad usage, such as a malformed option value: exit code 2. */
    static CliException usage(String message) {
        return new CliException(message, HourglassCli.USAGE, null);
    }

    private CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
