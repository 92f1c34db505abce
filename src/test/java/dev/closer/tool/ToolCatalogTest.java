package dev.closer.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.closer.policy.NoAutoSend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCatalogTest {

    private static final String GOOD = """
            {"name": "demo", "description": "d", "cost": 1,
             "inputSchema": {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}}""";

    private static String problem(String file, String text) {
        return assertThrows(ToolCatalog.InvalidToolSchemaException.class, () -> ToolCatalog.parseOne(file, text)).getMessage();
    }

    @Test
    void every_shipped_schema_file_parses() {
        List<ToolDefinition> all = ToolCatalog.parse(Resources.readDirectory(java.nio.file.Path.of("tool-schemas"), ".json"));
        assertTrue(all.size() >= 5);
        all.forEach(d -> assertTrue(d.description().length() > 100, d.name() + " documents its rules"));
    }

    @Test
    void a_broken_schema_file_is_named_with_its_problem() {
        assertTrue(problem("demo.json", "{not json").contains("demo.json is not valid JSON"));
        assertTrue(problem("other.json", GOOD).contains("must be named demo.json"));
        assertTrue(problem("demo.json", GOOD.replace("\"description\": \"d\",", "")).contains("'description' is required"));
        assertTrue(problem("demo.json", GOOD.replace("\"type\": \"object\"", "\"type\": \"array\"")).contains("type\": \"object\""));
        assertTrue(problem("demo.json", GOOD.replace("\"type\": \"object\"", "\"type\": 12")).contains("not a valid JSON Schema"));
        assertTrue(problem("demo.json", GOOD.replace("\"cost\": 1,", "")).contains("'cost' is required"));
    }

    @Test
    void the_registry_refuses_a_schema_without_handler_a_handler_without_schema_and_sending_tools() {
        ToolDefinition demo = ToolCatalog.parseOne("demo.json", GOOD);
        ToolRegistry.Chain chain = null;
        var e1 = assertThrows(IllegalStateException.class,
                () -> ToolRegistry.build(List.of(demo), Map.of(), chain, NoAutoSend::isSendingToolName));
        assertTrue(e1.getMessage().contains("demo.json has no handler"));
        ToolHandler h = (in, ctx) -> Json.object();
        var e2 = assertThrows(IllegalStateException.class,
                () -> ToolRegistry.build(List.of(demo), Map.of("demo", h, "ghost", h), chain, NoAutoSend::isSendingToolName));
        assertTrue(e2.getMessage().contains("handler 'ghost' has no schema file"));
        ToolDefinition send = ToolCatalog.parseOne("send_email.json", GOOD.replace("\"demo\"", "\"send_email\""));
        var e3 = assertThrows(IllegalStateException.class,
                () -> ToolRegistry.build(List.of(send), Map.of("send_email", h), chain, NoAutoSend::isSendingToolName));
        assertTrue(e3.getMessage().contains("never sends"));
    }

    @Test
    void cost_rules_are_fixed_per_items_or_conditional() {
        assertEquals(3, CostRule.fixed(3).costOf(Json.object()));
        CostRule perItems = CostRule.parse(Json.parse("{\"base\": 1, \"per_items\": {\"pointer\": \"/accounts\", \"per\": 1000}}"), "t");
        assertEquals(1, perItems.costOf(Json.parse("{\"accounts\": []}")));
        assertEquals(1, perItems.costOf(Json.parse("{\"accounts\": [1, 2, 3]}")));
        StringBuilder many = new StringBuilder("{\"accounts\": [0");
        for (int i = 1; i < 2001; i++) {
            many.append(",0");
        }
        assertEquals(3, perItems.costOf(Json.parse(many.append("]}").toString())));
        CostRule crm = CostRule.parse(Json.parse("{\"base\": 1, \"if_true\": {\"/enrich_from_crm\": 5}}"), "t");
        assertEquals(1, crm.costOf(Json.parse("{\"enrich_from_crm\": false}")));
        assertEquals(5, crm.costOf(Json.parse("{\"enrich_from_crm\": true}")));
    }
}
