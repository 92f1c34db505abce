package dev.closer.cli;

import dev.closer.App;
import dev.closer.server.http.AccessGuard;
import dev.closer.server.http.HttpServer;
import dev.closer.server.mcp.McpDoors;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code closer serve}: MCP Streamable HTTP at /mcp and REST on one port, until stopped. */
@Command(name = "serve", description = "Serve MCP (Streamable HTTP at /mcp) and REST (/api/v1).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: 127.0.0.1).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: 8080; 0 picks a free one).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        App app = common.app(true);
        app.db().warmUp();
        AccessGuard guard = guardFor(host, app.settings().env());
        if (!isLoopback(host) && !guard.requiresTokens()) {
            System.err.println("closer serve: binding to " + host + " exposes Closer beyond this machine; set a bearer"
                    + " token per profile first (CLOSER_TOKEN_SALES=...), or bind to 127.0.0.1");
            app.close();
            return 2;
        }
        HttpServer server = new HttpServer(app, guard, McpDoors.httpServlet(app, common.profile), common.profile, dev.closer.Main.VERSION,
                dev.closer.Main.pages(app, common.profile));
        server.start(host, port);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            app.close();
            stop.countDown();
        }));
        stop.await();
        return 0;
    }

    static AccessGuard guardFor(String host, java.util.Map<String, String> env) {
        Set<String> hosts = new HashSet<>(Set.of("localhost", "127.0.0.1", "::1"));
        hosts.add(host);
        String extra = env.getOrDefault("CLOSER_ALLOWED_HOSTS", "");
        for (String h : extra.split(",")) {
            if (!h.isBlank()) {
                hosts.add(h.strip());
            }
        }
        return new AccessGuard(hosts, AccessGuard.tokensFrom(env));
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
    }
}
