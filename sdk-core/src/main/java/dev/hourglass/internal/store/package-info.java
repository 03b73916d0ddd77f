/**
 * Internal: the durable store of executions in a relational database (SQLite embedded, PostgreSQL for many
 * machines) over plain JDBC; one implementation, two {@link dev.hourglass.internal.store.Dialect dialects}.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
package dev.hourglass.internal.store;

import org.apiguardian.api.API;
