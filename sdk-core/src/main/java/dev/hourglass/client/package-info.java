/**
 * The client API: start workflow executions, wait for their results, signal, query, cancel and terminate
 * them, and read their histories.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.client;

import org.apiguardian.api.API;
