/** Internal: the in-memory implementation of the service SPI and its scheduler. */
package dev.hourglass.internal.service;
