/**
 * Internal: what the client, the worker and the replayer share: the data and failure converters, and the
 * reading of workflow and activity interfaces.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.common;

import org.apiguardian.api.API;
