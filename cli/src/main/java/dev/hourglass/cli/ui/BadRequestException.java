package dev.hourglass.cli.ui;

/** A request that the UI cannot serve as asked, answered with 400 and the message. */
class BadRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequestException(String message) {
        super(message);
    }
}
