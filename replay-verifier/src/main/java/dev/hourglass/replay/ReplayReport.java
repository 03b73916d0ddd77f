package dev.hourglass.replay;

import dev.hourglass.replay.internal.ReportJson;
import dev.hourglass.replay.internal.ReportText;
import dev.hourglass.replay.internal.ReportXml;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * What a {@link ReplayGate} run found: one {@link ReplayResult} per history, in the order the histories were added,
 * and the same as text for a terminal, JUnit XML for a CI server, and JSON for tools.
 *
 * <p>The three forms are deterministic: the same results give the same characters, lines ending in {@code "\n"} on
 * every platform, except for the time each replay took. {@link #withoutDurations()} gives a report that leaves the
 * times out, so that two runs' reports can be compared byte for byte:
 *
 * <pre>{@code
 * assertThat(first.withoutDurations().toJson()).isEqualTo(second.withoutDurations().toJson());
 * }</pre>
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReplayReport {

    private final List<ReplayResult> results;
    private final boolean withDurations;

    /**
     * Creates a report of {@code results}; the gate makes them.
     *
     * @param results the results, in the order to report them; never {@code null}
     */
    public ReplayReport(List<ReplayResult> results) {
        this(List.copyOf(Objects.requireNonNull(results, "results")), true);
    }

    private ReplayReport(List<ReplayResult> results, boolean withDurations) {
        this.results = results;
        this.withDurations = withDurations;
    }

    /**
     * The same report, whose {@link #toText()}, {@link #toJUnitXml()} and {@link #toJson()} leave out how long the
     * replays took: the only part of a report that differs between two runs over the same histories and code.
     *
     * @return a report of the same results; never {@code null}
     */
    public ReplayReport withoutDurations() {
        return new ReplayReport(results, false);
    }

    /** Whether no history is {@link ReplayResult.Status#INCOMPATIBLE INCOMPATIBLE} and none in {@code ERROR}. */
    public boolean isCompatible() {
        return results.stream().allMatch(result -> result.getStatus() == ReplayResult.Status.COMPATIBLE);
    }

    /** Every result, in the order the histories were added (each directory's files in the order of their paths). */
    public List<ReplayResult> getResults() {
        return results;
    }

    /** The results of one status, in report order. */
    public List<ReplayResult> getResults(ReplayResult.Status status) {
        return results.stream().filter(result -> result.getStatus() == status).collect(Collectors.toList());
    }

    /**
     * The report for a terminal. A summary line with the counts; the incompatible <em>open</em> executions first,
     * which would get stuck if the new code were deployed; then the incompatible closed ones, which only break
     * queries and resets; then the histories that could not be checked, each with its one-line cause. Then each
     * incompatible history in detail: workflow id and type, source, event id, the recorded and the new commands side
     * by side around the divergence ({@code >} marks the diverging pair), the line of the new code that issued the
     * diverging command, and what to do. Last, the warnings.
     */
    public String toText() {
        return ReportText.report(results, withDurations);
    }

    /**
     * What the report says of one result: its status, source, workflow, and why it is not compatible.
     *
     * @param result a result of this report; never {@code null}
     */
    public String describe(ReplayResult result) {
        return ReportText.describe(Objects.requireNonNull(result, "result"));
    }

    /**
     * The report as JUnit XML: one {@code testcase} per history (class name: its workflow type; name: its source), a
     * {@code failure} if incompatible, an {@code error} if it could not be checked. Always well-formed XML, whatever
     * the messages hold: characters XML cannot carry are written as {@code \}{@code uXXXX}.
     */
    public String toJUnitXml() {
        return ReportXml.report(results, withDurations);
    }

    /**
     * The report as JSON: whether all are compatible, the counts, and one object per history with its
     * {@code source}, {@code status}, {@code workflowId}, {@code runId}, {@code workflowType}, {@code open},
     * {@code durationMillis} (unless {@linkplain #withoutDurations() left out}) and {@code warnings}; for an
     * incompatible or failed one, {@code eventId} when known and the {@code failure}'s type and message; for an
     * incompatible one, {@code recorded}, {@code actual}, {@code location} and the {@code commands} side by side.
     */
    public String toJson() {
        return ReportJson.report(results, withDurations);
    }

    @Override
    public String toString() {
        return "ReplayReport{" + results.size() + " histories, compatible=" + isCompatible() + "}";
    }
}
