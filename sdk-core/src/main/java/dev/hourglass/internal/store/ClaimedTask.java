package dev.hourglass.internal.store;

import dev.hourglass.history.History;
import dev.hourglass.history.Payload;
import dev.hourglass.internal.history.HistoryJsonCodec;
import dev.hourglass.internal.spi.UpdateRequest;
import dev.hourglass.internal.spi.WorkflowTask;
import dev.hourglass.service.HistoryLimits;
import java.util.List;

/**
 * A workflow task (or query) claimed in a transaction, its history still the JSON texts the store keeps: the texts
 * are read into events after the transaction ended, outside the database's one write lock on SQLite.
 *
 * @param queryType the query asked, or {@code null} for a workflow task
 * @param queryArgsJson the query's arguments as JSON, or {@code null}
 * @param updates the updates the task delivers (see {@link WorkflowTask#updates()})
 */
record ClaimedTask(String token, StoredHistory history, int completedEventCount, String queryType,
        String queryArgsJson, HistoryLimits historyLimits, List<UpdateRequest> updates) {

    ClaimedTask {
        updates = List.copyOf(updates);
    }

    /** A task that delivers no update (a query's). */
    ClaimedTask(String token, StoredHistory history, int completedEventCount, String queryType,
            String queryArgsJson, HistoryLimits historyLimits) {
        this(token, history, completedEventCount, queryType, queryArgsJson, historyLimits, List.of());
    }

    /** The task as the worker gets it. */
    WorkflowTask toTask() {
        return new WorkflowTask(token, history.read(), completedEventCount, queryType,
                queryArgsJson == null ? null : Payload.fromJson(queryArgsJson), historyLimits, updates);
    }

    /**
     * A run's history as the store keeps it: the run's identifying fields and each event's JSON text, oldest first.
     *
     * @param source how messages name where the history comes from: the store and the run
     */
    record StoredHistory(String workflowId, String runId, String workflowType, String taskQueue, List<String> events,
            String source) {

        StoredHistory {
            events = List.copyOf(events);
        }

        /** The history, its events checked as a history file's are. */
        History read() {
            return HistoryJsonCodec.fromEventJson(workflowId, runId, workflowType, taskQueue, events, source);
        }

        /** How many events the history has. */
        int size() {
            return events.size();
        }
    }
}
