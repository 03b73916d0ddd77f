package dev.hourglass.samples.scheduledreport;

import dev.hourglass.activity.ActivityOptions;
import dev.hourglass.workflow.UpdateValidatorMethod;
import dev.hourglass.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** The report's steps; see {@link SalesReportWorkflow}. */
public class SalesReportWorkflowImpl implements SalesReportWorkflow {

    /** How long a compiled report waits for its approval before it is escalated. */
    public static final Duration APPROVAL_WINDOW = Duration.ofHours(8);
    /** The reviewers who may approve reports. */
    public static final Set<String> REVIEWERS = Set.of("maria", "tomasz");
    /** The zone whose calendar day a report is of. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    private final ReportActivities activities = Workflow.newActivityStub(ReportActivities.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(2)).build());
    private SalesFigures figures;
    private String approvedBy;
    private String status = "compiling";

    @Override
    public ReportOutcome produce(String region) {
        LocalDate day = LocalDate.ofInstant(Instant.ofEpochMilli(Workflow.currentTimeMillis()), ZONE);
        figures = activities.compile(region, day);
        status = "awaiting approval";
        if (!Workflow.await(APPROVAL_WINDOW, () -> approvedBy != null)) {
            activities.escalate(figures);
            status = "escalated";
            return new ReportOutcome(day, false, null, null);
        }
        String deliveryId = activities.send(figures, approvedBy);
        status = "sent";
        return new ReportOutcome(day, true, approvedBy, deliveryId);
    }

    @Override
    public String approve(String reviewer) {
        approvedBy = reviewer;
        return "approved " + figures.orders() + " orders of " + figures.region() + " on " + figures.day();
    }

    /** Rejects an approval that cannot count; runs before the update is accepted and records nothing. */
    @UpdateValidatorMethod(updateName = "approve")
    public void checkApproval(String reviewer) {
        if (!REVIEWERS.contains(reviewer)) {
            throw new IllegalArgumentException(reviewer + " may not approve sales reports");
        }
        if (figures == null) {
            throw new IllegalStateException("the report is still being compiled; approve it once it is ready");
        }
        if (approvedBy != null) {
            throw new IllegalStateException("the report was approved already, by " + approvedBy);
        }
    }

    @Override
    public String status() {
        return status;
    }
}
