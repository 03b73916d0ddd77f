/** Internal: workers, their pollers, the execution cache and activity execution. */
package dev.hourglass.internal.worker;
