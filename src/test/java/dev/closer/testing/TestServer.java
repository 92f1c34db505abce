package dev.closer.testing;

import dev.closer.App;
import dev.closer.Main;
import dev.closer.Settings;
import dev.closer.server.http.AccessGuard;
import dev.closer.server.http.HttpServer;
import dev.closer.server.mcp.McpDoors;
import dev.closer.tool.Json;
import dev.closer.tool.ToolCatalog;
import dev.closer.tool.ToolDefinition;
import dev.closer.tool.ToolHandler;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A real Closer (store, chain, REST, MCP Streamable HTTP) on a loopback port picked by the OS,
 * for tests that talk to it over HTTP exactly as a user's agent would.
 */
public final class TestServer implements AutoCloseable {

    private final App app;
    private final HttpServer server;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestServer(App app, HttpServer server, int port) {
        this.app = app;
        this.server = server;
        this.port = port;
    }

    public static Builder on(Path dataDir) {
        return new Builder(dataDir);
    }

    public static final class Builder {
        private final Path dataDir;
        private final Map<String, String> env = new HashMap<>();
        private final List<ToolDefinition> tools = new ArrayList<>();
        private final Map<String, ToolHandler> handlers = new HashMap<>();
        private Path profilesDir;
        private Clock clock = Clock.systemUTC();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder env(String key, String value) {
            env.put(key, value);
            return this;
        }

        public Builder profilesDir(Path dir) {
            this.profilesDir = dir;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** Registers a test-only tool from a schema-file JSON text and its handler. */
        public Builder tool(String schemaFileJson, ToolHandler handler) {
            ToolDefinition d = ToolCatalog.parseOne(Json.parse(schemaFileJson).path("name").asString() + ".json", schemaFileJson);
            tools.add(d);
            handlers.put(d.name(), handler);
            return this;
        }

        public App assemble() {
            Settings fromEnv = Settings.fromEnvironment(env, dataDir);
            Settings s = new Settings(dataDir, profilesDir, fromEnv.budgetOverride(), true, fromEnv.durableAudit(), true, env, clock);
            return Main.assemble(s, tools, handlers);
        }

        public TestServer start() {
            App app = assemble();
            app.db().warmUp();
            AccessGuard guard = new AccessGuard(Set.of("localhost", "127.0.0.1", "::1"), AccessGuard.tokensFrom(env));
            HttpServer server = new HttpServer(app, guard, McpDoors.httpServlet(app, "sales"), "sales", "test",
                    Main.pages(app, "sales"));
            int port = server.start("127.0.0.1", 0);
            return new TestServer(app, server, port);
        }
    }

    public App app() {
        return app;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** POST /api/v1/tools/{tool} with the guide's call shape; returns status and parsed body. */
    public Response call(String tool, String inputsJson, String traceId, String profile, String bearer) {
        String context = "{" + (traceId == null ? "" : "\"trace_id\":\"" + traceId + "\"")
                + (traceId != null && profile != null ? "," : "") + (profile == null ? "" : "\"profile\":\"" + profile + "\"") + "}";
        return post("/api/v1/tools/" + tool, "{\"inputs\":" + inputsJson + ",\"context\":" + context + "}", bearer);
    }

    public Response call(String tool, String inputsJson) {
        return call(tool, inputsJson, null, "sales", null);
    }

    public Response post(String path, String body, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    public Response get(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(Duration.ofSeconds(30)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return send(b.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body, String contentType) {
        public JsonNode json() {
            return Json.parse(body);
        }
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }
}
