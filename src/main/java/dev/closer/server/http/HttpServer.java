package dev.closer.server.http;

import dev.closer.App;
import dev.closer.tool.Json;
import io.javalin.Javalin;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code closer serve}: one Javalin server with MCP Streamable HTTP at {@code /mcp}, the REST
 * door under {@code /api/v1}, {@code /openapi.json}, {@code /health} and {@code /metrics}. The
 * {@link GuardFilter} stands in front of all of them.
 */
public final class HttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    public static final long MAX_BODY_BYTES = 32L * 1024 * 1024;

    private final Javalin javalin;

    /**
     * @param mcpServlet the MCP Streamable HTTP servlet, mounted at /mcp (null: no MCP door)
     * @param extraRoutes further pages (review queue, chat) added by their owners
     */
    public HttpServer(App app, AccessGuard guard, HttpServlet mcpServlet, String defaultProfile, String version,
                      List<Consumer<io.javalin.config.JavalinConfig>> extraRoutes) {
        RestApi rest = new RestApi(app.registry(), defaultProfile);
        byte[] openApi = Json.MAPPER.writeValueAsBytes(OpenApi.document(app.registry().all(), version));
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.jetty.modifyServletContextHandler(handler -> {
                handler.addFilter(new FilterHolder(new GuardFilter(guard, MAX_BODY_BYTES)), "/*",
                        EnumSet.of(DispatcherType.REQUEST));
                if (mcpServlet != null) {
                    ServletHolder holder = new ServletHolder("mcp", mcpServlet);
                    holder.setAsyncSupported(true);
                    handler.addServlet(holder, "/mcp");
                    handler.addServlet(holder, "/mcp/*");
                }
            });
            config.routes.get("/api/v1/tools", rest::listTools);
            config.routes.post("/api/v1/tools/{name}", rest::callTool);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.get("/health", ctx -> RestApi.json(ctx, 200, health(app)));
            if (app.metrics() != null) {
                config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(app.metrics().scrape()));
            }
            extraRoutes.forEach(r -> r.accept(config));
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (clientWentAway(e)) {
                    // The peer closed the connection (or the server is stopping): nobody to answer.
                    LOG.debug("request {} {}: the connection closed before the answer was complete", ctx.method(), ctx.path());
                    return;
                }
                LOG.error("request {} {} failed: {}", ctx.method(), ctx.path(), app.redactor().redactText(String.valueOf(e.getMessage())));
                if (!ctx.res().isCommitted()) {
                    RestApi.problem(ctx, 500, "INTERNAL", "the server failed to handle this request", null);
                }
            });
            // Handlers that answered themselves (a tool's NOT_FOUND is a 404 too) have committed the
            // response: only a path nobody handled gets this body.
            config.routes.error(404, "*", ctx -> {
                if (!ctx.res().isCommitted() && (ctx.result() == null || ctx.result().isEmpty())) {
                    RestApi.problem(ctx, 404, "NOT_FOUND", "no such path: " + ctx.path(), null);
                }
            });
            config.routes.error(405, "*", ctx -> {
                if (!ctx.res().isCommitted()) {
                    RestApi.problem(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path(), null);
                }
            });
        });
    }

    private static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.eclipse.jetty.io.EofException) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode health(App app) {
        ObjectNode out = Json.object();
        out.put("status", "ok");
        out.put("tools", app.registry().all().size());
        out.put("profiles", app.profiles().names().size());
        return out;
    }

    /** Starts listening; returns the bound port (useful with port 0). */
    public int start(String host, int port) {
        javalin.start(host, port);
        LOG.info("Closer listening on http://{}:{} (MCP at /mcp, REST at /api/v1)", host, javalin.port());
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
