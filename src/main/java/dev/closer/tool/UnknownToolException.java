package dev.closer.tool;

/**
 * The named tool does not exist for this caller. A protocol error (JSON-RPC -32602 over MCP, 404
 * over REST), not a tool result: the agent asked for something that was never offered.
 */
public class UnknownToolException extends RuntimeException {

    private final String tool;

    public UnknownToolException(String tool) {
        super("unknown tool: " + tool, null, false, false);
        this.tool = tool;
    }

    public String tool() {
        return tool;
    }
}
