/**
 * Sample: a daily sales report that a schedule starts every weekday morning, and that a reviewer approves through a
 * workflow update before it is sent; a report nobody approves within its window is escalated instead.
 *
 * <p>{@code ScheduledReportTest} in the samples' tests runs weeks of reports, approvals and escalations in
 * milliseconds of real time on the virtual clock.
 */
package dev.hourglass.samples.scheduledreport;
