package dev.hourglass.samples.scheduledreport;

import java.time.LocalDate;

/**
 * What became of one day's report.
 *
 * @param day the day the report is of
 * @param sent whether it was approved and sent; {@code false} if nobody approved it in time and it was escalated
 * @param approvedBy the reviewer who approved it, or {@code null}
 * @param deliveryId the mailing service's id of the delivery, or {@code null} if it was not sent
 */
public record ReportOutcome(LocalDate day, boolean sent, String approvedBy, String deliveryId) {
}
