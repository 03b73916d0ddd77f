package dev.hourglass.replay.cli;

/** Input the command cannot work with: a missing directory, an unknown class, an unwritable report file, ... */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param reason one line that says what is wrong and where */
    BadInputException(String reason) {
        super(reason);
    }

    BadInputException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
