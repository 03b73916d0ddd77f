/**
 * The operating command line {@code hourglass}: lists, shows, describes, exports, signals, cancels and terminates
 * the workflow executions of a durable store, a SQLite file or a PostgreSQL database.
 *
 * <p>The command line is the contract, not these classes: {@link dev.hourglass.cli.HourglassCli} is its main class,
 * and {@code docs/cli.md} describes every command.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.cli;

import org.apiguardian.api.API;
