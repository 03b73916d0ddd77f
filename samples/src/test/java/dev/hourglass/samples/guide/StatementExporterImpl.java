package dev.hourglass.samples.guide;

import dev.hourglass.activity.Activity;
import dev.hourglass.activity.ActivityExecutionContext;

/** Exports page after page, heartbeating each, and resumes after the last page a previous attempt reported. */
// guide: statement-exporter begin
public class StatementExporterImpl implements StatementExporter {
    @Override
    public String export(String account, int pages) {
        ActivityExecutionContext context = Activity.getExecutionContext();
        int first = context.getHeartbeatDetails(Integer.class).orElse(0) + 1;
        for (int page = first; page <= pages; page++) {
            // write the page of the statement somewhere
            context.heartbeat(page);
        }
        return "pages " + first + "-" + pages + " of " + account + " on attempt " + context.getInfo().getAttempt();
    }
}
// guide: statement-exporter end
