package dev.closer.cli;

import dev.closer.App;
import dev.closer.server.http.ToolJson;
import dev.closer.tool.CallContext;
import dev.closer.tool.Caller;
import dev.closer.tool.Json;
import dev.closer.tool.ToolResult;
import dev.closer.tool.UnknownToolException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code closer call TOOL --inputs JSON|@file}: one call through the policy chain, printed as JSON
 * (the result with _meta, or {error, _meta}). Exit code 0 on success, 1 on a tool error, 2 on usage.
 */
@Command(name = "call", description = "Call one tool and print its result as JSON.")
final class CallCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Parameters(index = "0", description = "Tool name (see 'closer tools').")
    String tool;

    @Option(names = "--inputs", description = "Inputs as a JSON object, or @file.json.", defaultValue = "{}")
    String inputs;

    @Option(names = "--trace-id", description = "Trace id to record the call under (default: generated).")
    String traceId;

    @Option(names = "--deals", description = "Deals for analyze_win_loss_patterns / extract_buyer_personas from @file"
            + " (.csv with a header, .jsonl, or a .json array); put into inputs.deals.")
    String deals;

    @Override
    public Integer call() {
        JsonNode parsed;
        try {
            String text = inputs.startsWith("@") ? Files.readString(Path.of(inputs.substring(1))) : inputs;
            parsed = Json.MAPPER.readTree(text);
        } catch (IOException e) {
            System.err.println("closer call: cannot read " + inputs.substring(1) + ": " + e.getMessage());
            return 2;
        } catch (JacksonException e) {
            System.err.println("closer call: --inputs is not valid JSON: " + e.getOriginalMessage());
            return 2;
        }
        if (!parsed.isObject()) {
            System.err.println("closer call: --inputs must be a JSON object");
            return 2;
        }
        if (deals != null) {
            try {
                ((ObjectNode) parsed).set("deals", DealFiles.read(Path.of(deals.startsWith("@") ? deals.substring(1) : deals)));
            } catch (IOException | IllegalArgumentException | JacksonException e) {
                System.err.println("closer call: --deals: " + e.getMessage());
                return 2;
            }
        }
        try (App app = common.app()) {
            ToolResult r = app.registry().call(tool, parsed, new CallContext(traceId, common.profile, null),
                    new Caller("cli", Set.of(common.profile)));
            ObjectNode out = r.isError() ? Json.object() : (ObjectNode) r.value();
            if (r.isError()) {
                out.set("error", Json.toTree(r.error()));
            }
            out.set("_meta", ToolJson.meta(r.meta()));
            System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            return r.isError() ? 1 : 0;
        } catch (UnknownToolException e) {
            System.err.println("closer call: unknown tool '" + tool + "'; 'closer tools' lists them");
            return 2;
        }
    }
}
