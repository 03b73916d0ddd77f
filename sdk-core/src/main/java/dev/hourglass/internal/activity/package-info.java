/**
 * Engine support for running activities.
 *
 * <p>This is an internal package: it is not part of the public API and may change in any release without
 * notice. User code must not depend on it.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.activity;

import org.apiguardian.api.API;
