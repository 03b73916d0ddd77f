/**
 * Schedules: start a workflow on cron expressions or fixed intervals, with overlap and catch-up policies, and pause,
 * trigger, backfill, update, describe, list and delete the schedules from a client.
 *
 * <p>A schedule is durable: it runs on every service (in memory, SQLite, PostgreSQL) and in the test environment's
 * virtual time, driven by the workers of every {@code WorkerFactory}.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.client.schedules;

import org.apiguardian.api.API;
