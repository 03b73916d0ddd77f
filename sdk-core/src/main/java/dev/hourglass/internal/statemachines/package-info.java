/**
 * Internal: the state machines of commands and events (activity, timer, child workflow, marker, signal,
 * cancellation, completion), each with its transitions declared in one table.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.statemachines;

import org.apiguardian.api.API;
