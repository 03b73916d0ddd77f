/**
 * Public API of the Hourglass test environment: virtual time, time skipping, and JUnit 5 and JUnit 4 support.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.testing;

import org.apiguardian.api.API;
