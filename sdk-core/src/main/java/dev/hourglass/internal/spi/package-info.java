/**
 * Internal: the service provider interface between clients and workers on one side and the service that
 * stores executions on the other ({@link dev.hourglass.internal.spi.WorkflowServiceSpi}), with the tasks,
 * commands and requests that cross it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.spi;

import org.apiguardian.api.API;
