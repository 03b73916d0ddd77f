package dev.hourglass.samples.scheduledreport;

import java.time.LocalDate;

/**
 * The figures of one region on one day, as the report compiles them.
 *
 * @param region the sales region
 * @param day the day the figures are of
 * @param orders how many orders were placed
 * @param revenueCents what they were worth, in cents
 */
public record SalesFigures(String region, LocalDate day, int orders, long revenueCents) {
}
