package dev.closer.bench;

import dev.closer.App;
import dev.closer.testing.TestServer;
import dev.closer.tool.CallContext;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

/**
 * The policy chain's own cost per call: a trivial handler (returns a constant object) called
 * in-process through {@code ToolRegistry.call}, so what is measured is trace id, profile access,
 * input validation, budget, no-auto-send, redaction and the durable audit row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PolicyChainBenchmark {

    private static final String TRIVIAL = """
            {"name": "trivial", "description": "Returns a constant.", "cost": 0,
             "annotations": {"readOnlyHint": true},
             "inputSchema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
               "properties": {"account_id": {"type": "string", "maxLength": 100}}, "additionalProperties": false},
             "outputSchema": {"type": "object", "properties": {"ok": {"type": "boolean"}}, "required": ["ok"]}}""";

    /** sync: each call waits for its audit row's commit (the default); async: write-behind. */
    @org.openjdk.jmh.annotations.Param({"sync", "async"})
    public String durability;

    /** trivial: a constant handler (the chain's own cost); get_budget_status: a real tool with store reads. */
    @org.openjdk.jmh.annotations.Param({"trivial", "get_budget_status"})
    public String tool;

    private App app;
    private JsonNode inputs;
    private Caller caller;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Files.createTempDirectory("closer-bench");
        JsonNode constant = Json.parse("{\"ok\": true}");
        app = TestServer.on(dir).env("CLOSER_AUDIT_DURABILITY", durability).tool(TRIVIAL, (in, ctx) -> constant.deepCopy()).assemble();
        inputs = tool.equals("trivial") ? Json.parse("{\"account_id\": \"acme-tech-123\"}") : Json.object();
        caller = Caller.local("bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        app.close();
    }

    @Benchmark
    public ToolResult call_through_the_chain() {
        return app.registry().call(tool, inputs, CallContext.of("bench-trace", "sales"), caller);
    }
}
