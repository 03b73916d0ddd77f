package dev.hourglass.internal.schedules;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** What a schedule asks its activity: check the running runs, and (unless {@link #checkOnly}) start one. */
public final class ActRequest {
    public boolean checkOnly;
    public String workflowId;
    public String workflowType;
    public String taskQueue;
    public JsonNode arguments;
    public Long executionTimeoutMillis;
    /** When the action was due, jitter included. */
    public long at;
    /** The catch-up window, or -1 when it does not apply. */
    public long catchupWindow = -1;
    public String overlap;
    public List<ScheduleData.Execution> running = new ArrayList<>();
}
