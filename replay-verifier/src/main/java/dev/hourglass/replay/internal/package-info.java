/**
 * The replay gate's internals: where histories come from, and one run of the gate over them.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.replay.internal;

import org.apiguardian.api.API;
