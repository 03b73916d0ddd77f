/**
 * The web UI of the command line, {@code hourglass ui}: an HTTP server on the JDK's {@code com.sun.net.httpserver}
 * whose pages are made on the server, and the formatting of failures and statuses that the commands share with it.
 *
 * <p>This is an internal package: it may change in any release; the command {@code hourglass ui} and
 * {@code docs/ui.md} are the contract.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.cli.ui;

import org.apiguardian.api.API;
