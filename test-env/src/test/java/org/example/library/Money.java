package org.example.library;

import java.math.BigDecimal;
import java.util.Locale;

/** A third-party library that only computes: nothing in it is forbidden. */
public final class Money {

    private Money() {
    }

    public static String format(long cents, String currency) {
        return String.format(Locale.ROOT, "%s %s", BigDecimal.valueOf(cents, 2).toPlainString(), currency);
    }
}
