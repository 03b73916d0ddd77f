package dev.hourglass.cli;

import dev.hourglass.history.Payload;

/** JSON text of values the command line prints and reads. */
final class Json {

    private Json() {
    }

    /** {@code text} as a JSON string, in quotes and escaped. */
    static String quote(String text) {
        return Payload.of(text).toJson();
    }
}
