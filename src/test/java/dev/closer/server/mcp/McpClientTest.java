package dev.closer.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.TestServer;
import dev.closer.tool.Json;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MCP Java SDK's own client, over stdio (Closer as a subprocess) and over Streamable HTTP. */
class McpClientTest {

    @TempDir
    Path dir;

    private McpSyncClient stdio(String profile) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters params = ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), "dev.closer.Main", "stdio", "--data-dir",
                        dir.toString(), "--profile", profile)
                .build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(30)).initializationTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static McpSyncClient http(TestServer server, String traceHeader) {
        var transport = HttpClientStreamableHttpTransport.builder(server.baseUrl()).endpoint("/mcp")
                .httpRequestCustomizer((builder, method, uri, body, ctx) -> {
                    if (traceHeader != null) {
                        builder.header("X-Trace-Id", traceHeader);
                    }
                }).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        client.initialize();
        return client;
    }

    private static void listsToolsWithSchemasAndAnnotations(McpSyncClient client) {
        var tools = client.listTools().tools();
        var budget = tools.stream().filter(t -> t.name().equals("get_budget_status")).findFirst().orElseThrow();
        assertEquals("https://json-schema.org/draft/2020-12/schema", budget.inputSchema().get("$schema"));
        assertEquals(false, budget.inputSchema().get("additionalProperties"));
        assertNotNull(budget.outputSchema());
        assertTrue(budget.annotations().readOnlyHint());
        var score = tools.stream().filter(t -> t.name().equals("score_accounts")).findFirst().orElseThrow();
        assertTrue(score.description().contains("industry 0.40"));
    }

    private static void callsBudgetStatus(McpSyncClient client) {
        var result = client.callTool(new McpSchema.CallToolRequest("get_budget_status", Map.of(),
                Map.of("trace_id", "mcp-trace-1", "profile", "sales")));
        assertFalse(result.isError());
        @SuppressWarnings("unchecked")
        Map<String, Object> structured = (Map<String, Object>) result.structuredContent();
        assertEquals("sales", structured.get("profile"));
        assertEquals("mcp-trace-1", result.meta().get("trace_id"));
        String text = ((McpSchema.TextContent) result.content().get(0)).text();
        assertEquals("sales", Json.parse(text).path("profile").asString());
    }

    private static void refusesBadInputAsAToolError(McpSyncClient client) {
        var result = client.callTool(new McpSchema.CallToolRequest("qualify_opportunity", Map.of("criteria", "not an object")));
        assertTrue(result.isError());
        var error = Json.parse(((McpSchema.TextContent) result.content().get(0)).text()).path("error");
        assertEquals("INVALID_INPUT", error.path("code").asString());
        assertEquals("/criteria", error.path("details").path("violations").get(0).path("path").asString());
    }

    /** The same conversation over any transport: list, call, a refused call, an unknown tool. */
    private static void listsCallsAndRefuses(McpSyncClient client) {
        try {
            listsToolsWithSchemasAndAnnotations(client);
            callsBudgetStatus(client);
            refusesBadInputAsAToolError(client);
            assertThrows(McpError.class, () -> client.callTool(new McpSchema.CallToolRequest("no_such_tool", Map.of())));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void over_stdio_the_sdk_client_lists_and_calls_tools() {
        listsCallsAndRefuses(stdio("sales"));
    }

    @Test
    void over_stdio_the_readonly_profile_lists_only_read_only_tools() {
        McpSyncClient client = stdio("readonly");
        try {
            var names = client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
            assertTrue(names.contains("score_accounts"));
            assertFalse(names.contains("define_target_market"), names.toString());
            var refused = client.callTool(new McpSchema.CallToolRequest("define_target_market",
                    Map.of("market_definition", Map.of("industries", java.util.List.of("SaaS")))));
            assertTrue(refused.isError());
            assertTrue(((McpSchema.TextContent) refused.content().get(0)).text().contains("PROFILE_DENIED"));
        } finally {
            client.closeGracefully();
        }
    }

    @Test
    void over_streamable_http_the_sdk_client_lists_and_calls_tools() {
        try (TestServer server = TestServer.on(dir).start()) {
            listsCallsAndRefuses(http(server, null));
        }
    }

    @Test
    void over_http_the_x_trace_id_header_is_used_when_meta_has_none() {
        try (TestServer server = TestServer.on(dir).start()) {
            McpSyncClient client = http(server, "header-trace-42");
            try {
                var result = client.callTool(new McpSchema.CallToolRequest("get_budget_status", Map.of()));
                assertEquals("header-trace-42", result.meta().get("trace_id"));
            } finally {
                client.closeGracefully();
            }
        }
    }
}
