package dev.hourglass.samples.guide;

import dev.hourglass.activity.ActivityInterface;

/** Exports the pages of an account's statement. */
@ActivityInterface
public interface StatementExporter {
    String export(String account, int pages);
}
