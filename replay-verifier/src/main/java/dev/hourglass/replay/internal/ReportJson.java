package dev.hourglass.replay.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hourglass.failure.NonDeterministicException;
import dev.hourglass.replay.CommandPair;
import dev.hourglass.replay.ReplayResult;
import dev.hourglass.replay.ReplayResult.Status;
import java.util.List;
import java.util.Locale;

/** Writes a gate's results as JSON for tools; lines end in {@code "\n"} on every platform. */
public final class ReportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ObjectWriter WRITER = MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n")));

    private ReportJson() {
    }

    public static String report(List<ReplayResult> results, boolean withDurations) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("compatible", results.stream().allMatch(r -> r.getStatus() == Status.COMPATIBLE));
        ObjectNode counts = root.putObject("counts");
        for (Status status : Status.values()) {
            counts.put(status.name().toLowerCase(Locale.ROOT),
                    results.stream().filter(r -> r.getStatus() == status).count());
        }
        counts.put("incompatibleOpen", results.stream()
                .filter(r -> r.getStatus() == Status.INCOMPATIBLE && r.isOpen()).count());
        counts.put("incompatibleClosed", results.stream()
                .filter(r -> r.getStatus() == Status.INCOMPATIBLE && !r.isOpen()).count());
        ArrayNode array = root.putArray("results");
        for (ReplayResult result : results) {
            result(array.addObject(), result, withDurations);
        }
        try {
            return WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the replay report as JSON: " + e, e);
        }
    }

    private static void result(ObjectNode node, ReplayResult result, boolean withDurations) {
        node.put("source", result.getSource());
        node.put("status", result.getStatus().name());
        node.put("workflowId", result.getWorkflowId());
        node.put("runId", result.getRunId());
        node.put("workflowType", result.getWorkflowType());
        node.put("open", result.isOpen());
        if (withDurations) {
            node.put("durationMillis", result.getDuration().toNanos() / 1e6);
        }
        ArrayNode warnings = node.putArray("warnings");
        result.getWarnings().forEach(warnings::add);
        Throwable failure = result.getFailure().orElse(null);
        if (failure == null) {
            return;
        }
        ReportText.eventId(result).ifPresent(id -> node.put("eventId", id));
        if (failure instanceof NonDeterministicException) {
            NonDeterministicException e = (NonDeterministicException) failure;
            node.put("recorded", e.getRecorded());
            node.put("actual", e.getActual());
            node.put("location", e.getLocation());
        }
        if (!result.getCommands().isEmpty()) {
            ArrayNode commands = node.putArray("commands");
            for (CommandPair pair : result.getCommands()) {
                ObjectNode row = commands.addObject();
                if (pair.getEventId().isPresent()) {
                    row.put("eventId", pair.getEventId().getAsLong());
                } else {
                    row.putNull("eventId");
                }
                row.put("recorded", pair.getRecorded().orElse(null));
                row.put("actual", pair.getActual().orElse(null));
                row.put("diverging", pair.isDiverging());
            }
        }
        ObjectNode failureNode = node.putObject("failure");
        failureNode.put("type", failure.getClass().getName());
        failureNode.put("message", result.getStatus() == Status.ERROR ? ReportText.cause(result)
                : failure.getMessage());
    }
}
