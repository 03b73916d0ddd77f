/**
 * The HTML timeline of a history, shared by {@code HistoryTimeline.formatHtml}, the reports the test environment
 * writes for failing tests, and the web UI.
 *
 * <p>This is an internal package: it may change in any release, and user code must not depend on it.
 *
 * @since 0.1
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.timeline;

import org.apiguardian.api.API;
