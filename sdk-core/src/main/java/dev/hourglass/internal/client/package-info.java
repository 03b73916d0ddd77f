/** Internal: the workflow client, its typed and untyped stubs. */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.client;

import org.apiguardian.api.API;
