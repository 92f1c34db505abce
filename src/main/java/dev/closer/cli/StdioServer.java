package dev.closer.cli;

import dev.closer.App;
import dev.closer.Main;
import dev.closer.Settings;
import dev.closer.server.mcp.McpDoors;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** Runs MCP over stdin/stdout until the client closes stdin. */
public final class StdioServer {

    private StdioServer() {
    }

    public static int run(String profile, Path dataDir) {
        CountDownLatch closed = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }

            @Override
            public int read() throws IOException {
                int c = super.read();
                if (c < 0) {
                    closed.countDown();
                }
                return c;
            }
        };
        App app = Main.assemble(Settings.fromEnvironment(System.getenv(), dataDir), List.of(), Map.of());
        if (app.profiles().find(profile).isEmpty()) {
            System.err.println("closer stdio: unknown profile '" + profile + "'; known: " + String.join(", ", app.profiles().names()));
            app.close();
            return 2;
        }
        McpSyncServer server = McpDoors.stdio(app, profile, in, System.out);
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.closeGracefully();
        app.close();
        return 0;
    }
}
