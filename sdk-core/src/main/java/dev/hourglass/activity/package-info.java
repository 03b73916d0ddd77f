/**
 * The activity programming model: {@link dev.hourglass.activity.ActivityInterface} marks an interface whose
 * abstract methods are activities, {@link dev.hourglass.activity.ActivityOptions} says how workflow code calls
 * them, and {@link dev.hourglass.activity.Activity#getExecutionContext()} gives activity code its attempt number
 * and heartbeats.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
package dev.hourglass.activity;

import org.apiguardian.api.API;
