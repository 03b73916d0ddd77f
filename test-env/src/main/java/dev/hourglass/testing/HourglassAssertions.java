package dev.hourglass.testing;

import dev.hourglass.history.History;
import org.apiguardian.api.API;

/**
 * Entry point of the AssertJ assertions on Hourglass types.
 *
 * <pre>{@code
 * import static dev.hourglass.testing.HourglassAssertions.assertThat;
 *
 * assertThat(client.fetchHistory("transfer-1")).hasActivityScheduled("withdraw").failedWith("InsufficientFunds");
 * }</pre>
 *
 * <p>It can be imported statically next to {@code org.assertj.core.api.Assertions.assertThat}: the
 * {@link History} overload is the more specific one.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class HourglassAssertions {

    private HourglassAssertions() {
    }

    /**
     * Returns assertions on a workflow execution's history.
     *
     * @param actual the history; may be {@code null}, which fails every assertion
     * @return the assertions; never {@code null}
     */
    public static HistoryAssert assertThat(History actual) {
        return new HistoryAssert(actual);
    }
}
