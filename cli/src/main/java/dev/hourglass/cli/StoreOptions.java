package dev.hourglass.cli;

import picocli.CommandLine.Option;

/** The options that every command on a store takes: where the store is, how to log in, how much to say. */
final class StoreOptions {

    @Option(names = "--store", paramLabel = "STORE", order = 100,
            description = {"The durable store: sqlite:PATH (an existing file), postgresql://HOST:PORT/DATABASE or"
                    + " jdbc:postgresql://HOST:PORT/DATABASE (user and password may be URL parameters).",
                "Default: the environment variable " + HourglassCli.STORE_VARIABLE + "."})
    String store;

    @Option(names = "--user", paramLabel = "USER", order = 101,
            description = "The PostgreSQL role to connect as, unless the URL names it.")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", order = 102,
            description = "The PostgreSQL role's password, unless the URL holds it. Default: the environment"
                    + " variable " + HourglassCli.PASSWORD_VARIABLE + ".")
    String password;

    @Option(names = "--verbose", order = 103,
            description = "Prints the stack trace of an error, and the store's log down to level info.")
    boolean verbose;
}
