package dev.hourglass.testing;

import dev.hourglass.history.History;
import org.apiguardian.api.API;

/**
 * Formats a {@link History} as a timeline, one line per event; moved to sdk-core as
 * {@link dev.hourglass.history.HistoryTimeline}.
 *
 * <p>This class stays so that code written against the test environment keeps compiling; it delegates to
 * {@link dev.hourglass.history.HistoryTimeline} and formats exactly as it does. Replace the import
 * {@code dev.hourglass.testing.HistoryTimeline} with {@code dev.hourglass.history.HistoryTimeline}.
 *
 * @since 0.1
 * @deprecated Use {@link dev.hourglass.history.HistoryTimeline}, which needs only sdk-core.
 */
@Deprecated(since = "0.1")
@API(status = API.Status.DEPRECATED, since = "0.1")
public final class HistoryTimeline {

    private HistoryTimeline() {
    }

    /**
     * Returns the timeline of {@code history}, as {@link dev.hourglass.history.HistoryTimeline#format(History)}
     * does.
     *
     * @param history the history to format; never {@code null}
     * @return the lines separated by {@code "\n"}, without a trailing newline; never {@code null}
     * @deprecated Use {@link dev.hourglass.history.HistoryTimeline#format(History)}.
     */
    @Deprecated(since = "0.1")
    public static String format(History history) {
        return dev.hourglass.history.HistoryTimeline.format(history);
    }
}
