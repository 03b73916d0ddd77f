/** Internal: the workflow client, its typed and untyped stubs. */
package dev.hourglass.internal.client;
