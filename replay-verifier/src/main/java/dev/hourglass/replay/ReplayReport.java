package dev.hourglass.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.apiguardian.api.API;

/**
 * What a {@link ReplayGate} run found: one {@link ReplayResult} per history, in the order the histories were added,
 * and the same as text for a terminal, JUnit XML for a CI server, and JSON for tools.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class ReplayReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final List<ReplayResult> results;

    /**
     * Creates a report of {@code results}; the gate makes them.
     *
     * @param results the results, in the order to report them; never {@code null}
     */
    public ReplayReport(List<ReplayResult> results) {
        this.results = List.copyOf(Objects.requireNonNull(results, "results"));
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

    /** The report for a terminal: a summary, then each incompatible or failed history, open executions first. */
    public String toText() {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append("Replay gate: ").append(results.size()).append(results.size() == 1 ? " history, " : " histories, ")
                .append(count(ReplayResult.Status.COMPATIBLE)).append(" compatible, ")
                .append(count(ReplayResult.Status.INCOMPATIBLE)).append(" incompatible, ")
                .append(count(ReplayResult.Status.ERROR)).append(" in error").append(nl);
        for (ReplayResult result : results) {
            if (result.getStatus() != ReplayResult.Status.COMPATIBLE) {
                text.append(nl).append(describe(result));
            }
        }
        return text.toString();
    }

    /**
     * What the report says of one result: its status, source, workflow, and why it is not compatible.
     *
     * @param result a result of this report
     */
    public String describe(ReplayResult result) {
        String nl = System.lineSeparator();
        StringBuilder text = new StringBuilder();
        text.append(result.getStatus()).append(": ").append(result.getSource());
        if (result.getWorkflowId() != null) {
            text.append(" (workflow ").append(result.getWorkflowId()).append(", type ").append(result.getWorkflowType())
                    .append(result.isOpen() ? ", open" : ", closed").append(")");
        }
        text.append(nl);
        result.getFailure().ifPresent(failure -> text.append("  ").append(String.valueOf(failure.getMessage())
                .replace("\n", nl + "  ")).append(nl));
        for (String warning : result.getWarnings()) {
            text.append("  warning: ").append(warning).append(nl);
        }
        return text.toString();
    }

    /** The report as JUnit XML: one {@code testcase} per history, a {@code failure} if incompatible, an {@code error} if in error. */
    public String toJUnitXml() {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "hourglass-replay-gate");
            xml.writeAttribute("tests", Integer.toString(results.size()));
            xml.writeAttribute("failures", Long.toString(count(ReplayResult.Status.INCOMPATIBLE)));
            xml.writeAttribute("errors", Long.toString(count(ReplayResult.Status.ERROR)));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", seconds(results.stream().mapToLong(r -> r.getDuration().toNanos()).sum()));
            for (ReplayResult result : results) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", result.getWorkflowType() != null ? result.getWorkflowType()
                        : "unreadable");
                xml.writeAttribute("name", result.getSource());
                xml.writeAttribute("time", seconds(result.getDuration().toNanos()));
                if (result.getStatus() != ReplayResult.Status.COMPATIBLE) {
                    Throwable failure = result.getFailure().orElseThrow();
                    xml.writeStartElement(result.getStatus() == ReplayResult.Status.INCOMPATIBLE ? "failure" : "error");
                    xml.writeAttribute("type", failure.getClass().getName());
                    xml.writeAttribute("message", String.valueOf(failure.getMessage()));
                    xml.writeCharacters(describe(result));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the replay report as XML: " + e, e);
        }
        return out.toString();
    }

    /** The report as JSON: the counts and one object per history. */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("compatible", isCompatible());
        ObjectNode counts = root.putObject("counts");
        for (ReplayResult.Status status : ReplayResult.Status.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT), count(status));
        }
        ArrayNode array = root.putArray("results");
        for (ReplayResult result : results) {
            ObjectNode node = array.addObject();
            node.put("source", result.getSource());
            node.put("status", result.getStatus().name());
            node.put("workflowId", result.getWorkflowId());
            node.put("runId", result.getRunId());
            node.put("workflowType", result.getWorkflowType());
            node.put("open", result.isOpen());
            node.put("durationMillis", result.getDuration().toNanos() / 1e6);
            result.getFailure().ifPresent(failure -> {
                ObjectNode failureNode = node.putObject("failure");
                failureNode.put("type", failure.getClass().getName());
                failureNode.put("message", failure.getMessage());
            });
            ArrayNode warnings = node.putArray("warnings");
            result.getWarnings().forEach(warnings::add);
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the replay report as JSON: " + e, e);
        }
    }

    private long count(ReplayResult.Status status) {
        return results.stream().filter(result -> result.getStatus() == status).count();
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    @Override
    public String toString() {
        return "ReplayReport{" + results.size() + " histories, compatible=" + isCompatible() + "}";
    }
}
