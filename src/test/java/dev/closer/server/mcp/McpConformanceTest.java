package dev.closer.server.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the official MCP conformance suite (@modelcontextprotocol/conformance, installed under
 * test-tools/ by the Maven build) against a real Closer over Streamable HTTP. These are the
 * scenarios that apply to a server without the suite's own test fixtures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpConformanceTest {

    private static final Path SUITE = Path.of("test-tools/node_modules/@modelcontextprotocol/conformance/dist/index.js");

    private Path dir;
    private TestServer server;

    @BeforeAll
    void start() throws IOException {
        assertTrue(Files.exists(SUITE), "the conformance suite is not installed; run: npm install --prefix test-tools");
        dir = Files.createTempDirectory("closer-conformance");
        server = TestServer.on(dir).start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"server-initialize", "ping", "tools-list", "logging-set-level", "dns-rebinding-protection"})
    void passes_the_official_scenario(String scenario) throws Exception {
        Process p = new ProcessBuilder(List.of("node", SUITE.toString(), "server", "--url",
                "http://localhost:" + server.port() + "/mcp", "--scenario", scenario))
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "conformance run timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains(" 0 failed"), out);
    }
}
