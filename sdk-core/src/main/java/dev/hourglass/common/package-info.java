/**
 * Types shared by the workflow, activity and client APIs, such as {@link dev.hourglass.common.RetryPolicy}.
 *
 * <p>This is a public API package: user code may depend on everything in it.
 *
 * @since 0.1
 */
package dev.hourglass.common;
