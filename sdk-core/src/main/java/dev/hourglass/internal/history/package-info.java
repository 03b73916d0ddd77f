/**
 * The JSON codec behind {@link dev.hourglass.history.History#toJson()} and
 * {@link dev.hourglass.history.History#fromJson(String)}, and the rules for comparing JSON payloads.
 *
 * <p>This is an internal package: it may change in any release, and user code must not depend on it.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.history;

import org.apiguardian.api.API;
