/** Internal: workers, their pollers, the execution cache and activity execution. */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.worker;

import org.apiguardian.api.API;
