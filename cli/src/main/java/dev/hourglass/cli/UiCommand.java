package dev.hourglass.cli;

import dev.hourglass.cli.ui.UiServer;
import dev.hourglass.client.WorkflowClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hourglass ui}: serves the web UI of a store until Ctrl-C or SIGTERM. */
@Command(name = "ui", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Serves a web UI of the store's workflow runs, on this machine only unless --bind says otherwise.",
            "The list of runs (by status and type, searched by id, with counts), each run's summary, pending"
                    + " activities and history as a timeline that updates while it runs, its history file, and"
                    + " signal, cancel and terminate. Ctrl-C stops it and closes the store (docs/ui.md)."})
final class UiCommand extends StoreCommand {

    static final String LOOPBACK = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8233", order = 1,
            description = "The port to listen on (default: ${DEFAULT-VALUE}); 0 picks a free one.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = LOOPBACK, order = 2,
            description = "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Another"
                    + " address, such as 0.0.0.0, lets other machines see and operate the store's runs: anyone who"
                    + " reaches the port can signal, cancel and terminate them.")
    String bind;

    @Mixin
    CodecOptions codecOptions;

    @Override
    int run(WorkflowClient client, Store store, PrintWriter out) {
        if (port < 0 || port > 65_535) {
            throw CliException.usage("--port must be from 0 to 65535, not " + port);
        }
        InetAddress address = address();
        UiServer server;
        try {
            server = UiServer.start(client, codecOptions::decode, store.displayName(),
                    new InetSocketAddress(address, port));
        } catch (BindException e) {
            throw CliException.failed("cannot listen on " + bind + ":" + port + ": " + e.getMessage()
                    + " (is another program, or another 'hourglass ui', on that port? choose another with --port,"
                    + " or --port 0 for a free one)", e);
        } catch (IOException e) {
            throw CliException.failed("cannot start the UI on " + bind + ":" + port + ": " + e, e);
        }
        if (!address.isLoopbackAddress()) {
            out.println("Warning: listening on " + bind + ", not only on this machine: anyone who reaches port "
                    + server.uri().getPort() + " there can see, signal, cancel and terminate the runs of "
                    + store.displayName() + ".");
        }
        out.println("Hourglass UI of " + store.displayName() + " on " + server.uri() + " (Ctrl-C stops it)");
        out.flush();
        awaitShutdown(server, client);
        return HourglassCli.OK;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw CliException.usage("bad --bind '" + bind + "': no such address (give an IP address such as "
                    + LOOPBACK + " or 0.0.0.0)");
        }
    }

    /**
     * Waits until the JVM is asked to stop (Ctrl-C, SIGTERM), then stops the server and closes the store (closing
     * it again, as {@link StoreCommand} does once this returns, does nothing); the JVM exits once it is closed.
     */
    private static void awaitShutdown(UiServer server, WorkflowClient client) {
        CountDownLatch stopping = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stopping.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "hourglass-ui-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopping.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            client.getWorkflowService().close();
            closed.countDown();
        }
    }
}
