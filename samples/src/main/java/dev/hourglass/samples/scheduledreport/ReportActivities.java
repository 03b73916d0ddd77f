package dev.hourglass.samples.scheduledreport;

import dev.hourglass.activity.ActivityInterface;
import java.time.LocalDate;

/** What the report does outside the workflow: read the figures, send the report, escalate a late one. */
@ActivityInterface
public interface ReportActivities {

    /** Reads the figures of {@code region} for {@code day} from the sales database. */
    SalesFigures compile(String region, LocalDate day);

    /** Sends the approved report to the region's mailing list; returns the delivery id. */
    String send(SalesFigures figures, String approvedBy);

    /** Tells the region's manager that the report of {@code figures.day()} was not approved in time. */
    void escalate(SalesFigures figures);
}
