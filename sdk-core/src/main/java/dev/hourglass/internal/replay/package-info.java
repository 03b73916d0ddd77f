/**
 * Internal: the deterministic runner of workflow code, replay of histories and nondeterminism detection.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.replay;

import org.apiguardian.api.API;
