package dev.closer.server.mcp;

import dev.closer.App;
import dev.closer.Main;
import dev.closer.server.http.GuardFilter;
import dev.closer.server.http.HttpServer;
import dev.closer.tool.Caller;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.http.HttpServlet;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Builds the two MCP doors — stdio and Streamable HTTP — on the same tool binding. */
public final class McpDoors {

    private static final String INSTRUCTIONS = "Closer's sales tools: territory and ICP scoring, account signals,"
            + " qualification (BANT, MEDDIC, MEDDICC, CHAMP), outreach drafting and grading, win/loss analysis."
            + " Pass _meta.trace_id to correlate a workflow and _meta.profile to choose a profile. Closer never"
            + " sends a message: drafts wait for a person to approve them.";

    private McpDoors() {
    }

    /** The Streamable HTTP servlet for {@code closer serve}; the server is built now and lives with the servlet. */
    public static HttpServlet httpServlet(App app, String defaultProfile) {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(mapper)
                .mcpEndpoint("/mcp")
                .maxRequestSize((int) HttpServer.MAX_BODY_BYTES)
                .contextExtractor(request -> {
                    Map<String, Object> ctx = new HashMap<>();
                    Object caller = request.getAttribute(GuardFilter.CALLER);
                    if (caller != null) {
                        ctx.put(McpToolBinding.CALLER, caller);
                    }
                    String trace = McpToolBinding.traceFromHeaders(request.getHeader("X-Trace-Id"),
                            request.getHeader("traceparent"));
                    if (trace != null) {
                        ctx.put(McpToolBinding.TRACE_HEADER, trace);
                    }
                    return McpTransportContext.create(ctx);
                })
                .build();
        McpToolBinding binding = new McpToolBinding(app.registry(), defaultProfile, McpToolBinding::fromContext);
        McpServer.sync(transport)
                .serverInfo("closer", Main.VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
                .validateToolInputs(false)
                .jsonSchemaValidator(new ChainValidatedSchemas())
                .immediateExecution(true)
                .requestTimeout(Duration.ofMinutes(5))
                .addToolFilter(binding.visibility())
                .tools(binding.specifications())
                .build();
        return transport;
    }

    /** MCP over stdio for one local user acting as {@code profile}. */
    public static McpSyncServer stdio(App app, String profile, InputStream in, OutputStream out) {
        McpJsonMapper mapper = McpJsonDefaults.getMapper();
        Caller caller = new Caller("mcp-stdio", java.util.Set.of(profile));
        StdioServerTransportProvider transport = new StdioServerTransportProvider(mapper, in, out);
        McpToolBinding binding = new McpToolBinding(app.registry(), profile, ctx -> caller);
        return McpServer.sync(transport)
                .serverInfo("closer", Main.VERSION)
                .instructions(INSTRUCTIONS)
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).logging().build())
                .validateToolInputs(false)
                .jsonSchemaValidator(new ChainValidatedSchemas())
                .immediateExecution(true)
                .addToolFilter(binding.visibility())
                .tools(binding.specifications())
                .build();
    }
}
