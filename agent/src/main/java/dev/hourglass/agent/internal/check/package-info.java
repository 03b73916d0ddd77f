/**
 * The static determinism check's internals: class files read without loading them, the walk of the methods
 * reachable from a workflow class, and the check that a worker runs when it registers a workflow class.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.agent.internal.check;

import org.apiguardian.api.API;
