package dev.closer.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.TestServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A large score_accounts batch over MCP reports progress notifications to a client that asks. */
class McpProgressTest {

    @TempDir
    Path dir;

    @Test
    void scoring_25000_accounts_reports_progress_every_10000() {
        List<McpSchema.ProgressNotification> seen = new CopyOnWriteArrayList<>();
        try (TestServer server = TestServer.on(dir).start()) {
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport.builder(server.baseUrl()).endpoint("/mcp").build())
                    .requestTimeout(Duration.ofSeconds(60)).progressConsumer(seen::add).build();
            client.initialize();
            try {
                List<Map<String, Object>> accounts = new ArrayList<>();
                for (int i = 0; i < 25_000; i++) {
                    accounts.add(Map.of("name", "a" + i, "industry", i % 2 == 0 ? "SaaS" : "Retail", "revenue", 2e7));
                }
                var result = client.callTool(McpSchema.CallToolRequest.builder().name("score_accounts")
                        .arguments(Map.of("accounts", accounts, "market_definition", Map.of("industries", List.of("SaaS"))))
                        .progressToken("score-25k").build());
                assertFalse(result.isError());
                assertEquals(25L, ((Number) result.meta().get("cost")).longValue());
            } finally {
                client.closeGracefully();
            }
        }
        // The server sends them in order on the call's stream; the SDK client dispatches each to the
        // consumer asynchronously, so arrival order at the consumer is not guaranteed.
        assertEquals(List.of(10_000.0, 20_000.0), seen.stream().map(McpSchema.ProgressNotification::progress).sorted().toList());
        assertTrue(seen.stream().allMatch(p -> "score-25k".equals(p.progressToken()) && p.total() == 25_000.0));
    }
}
