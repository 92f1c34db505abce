package dev.closer.cli;

import dev.closer.App;
import dev.closer.server.http.ToolJson;
import dev.closer.tool.Json;
import dev.closer.tool.ToolDefinition;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.node.ArrayNode;

/** {@code closer tools}: the tools a profile may use, as a table or as their schema files (--json). */
@Command(name = "tools", description = "List the tools the profile may use.")
final class ToolsCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Option(names = "--json", description = "Print the full schema files as a JSON array.")
    boolean json;

    @Override
    public Integer call() {
        try (App app = common.app()) {
            var tools = app.registry().list(common.profile);
            if (json) {
                ArrayNode out = Json.MAPPER.createArrayNode();
                tools.forEach(t -> out.add(ToolJson.describe(t)));
                System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(out));
            } else {
                for (ToolDefinition t : tools) {
                    System.out.printf("%-28s %s%n", t.name(), t.title() == null ? "" : t.title());
                }
            }
            return 0;
        }
    }
}
