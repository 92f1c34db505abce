package dev.closer.cli;

import dev.closer.App;
import dev.closer.server.mcp.McpDoors;
import io.modelcontextprotocol.server.McpSyncServer;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code closer stdio}: MCP over stdin/stdout for Claude Desktop and IDE plugins. stdout carries
 * only JSON-RPC; logs go to stderr. Exits when the client closes stdin.
 */
@Command(name = "stdio", description = "Serve MCP over stdio (for Claude Desktop, IDE plugins).")
final class StdioCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Override
    public Integer call() throws InterruptedException {
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
        App app = common.app();
        McpSyncServer server = McpDoors.stdio(app, common.profile, in, System.out);
        closed.await();
        server.closeGracefully();
        app.close();
        return 0;
    }
}
