package dev.closer.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code closer stdio}: MCP over stdin/stdout for Claude Desktop and IDE plugins. stdout carries
 * only JSON-RPC; logs go to stderr. Exits when the client closes stdin. (Plain invocations take
 * the fast path in {@code StdioFastPath}; this command documents the flags and handles the rest.)
 */
@Command(name = "stdio", description = "Serve MCP over stdio (for Claude Desktop, IDE plugins).")
final class StdioCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Override
    public Integer call() {
        return StdioServer.run(common.profile, common.dataDir);
    }
}
