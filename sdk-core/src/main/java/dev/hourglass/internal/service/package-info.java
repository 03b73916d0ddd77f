/** Internal: the in-memory implementation of the service SPI and its scheduler. */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.service;

import org.apiguardian.api.API;
