/** Internal: the virtual clock, the time-skipping scheduler and the test environment's implementation. */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.testing.internal;

import org.apiguardian.api.API;
