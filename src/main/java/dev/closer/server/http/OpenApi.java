package dev.closer.server.http;

import dev.closer.tool.Json;
import dev.closer.tool.ToolDefinition;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OpenAPI 3.1 for the REST door, generated from the tool schema files (3.1 speaks JSON Schema
 * 2020-12, so the schemas are embedded as they are). One operation per tool.
 */
public final class OpenApi {

    private OpenApi() {
    }

    public static ObjectNode document(List<ToolDefinition> tools, String version) {
        ObjectNode doc = Json.object();
        doc.put("openapi", "3.1.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Closer REST API");
        info.put("version", version);
        info.put("description", "Sales tools for LLM agents. Every call passes the policy chain: trace id, profile"
                + " access, input validation, budget ceiling, no-auto-send, secret redaction, audit.");
        doc.set("jsonSchemaDialect", Json.MAPPER.getNodeFactory().stringNode("https://json-schema.org/draft/2020-12/schema"));
        ObjectNode components = doc.putObject("components");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("Context", Json.parse("""
                {"type":"object","additionalProperties":false,"properties":{
                  "trace_id":{"type":"string","maxLength":128},"profile":{"type":"string"}}}"""));
        schemas.set("Meta", Json.parse("""
                {"type":"object","properties":{"trace_id":{"type":"string"},"cost":{"type":"integer"},
                  "budget_remaining":{"type":["integer","null"]}}}"""));
        schemas.set("Error", Json.parse("""
                {"type":"object","required":["error"],"properties":{
                  "error":{"type":"object","required":["code","message"],"properties":{
                    "code":{"type":"string"},"message":{"type":"string"},"details":{"type":"object"}}},
                  "_meta":{"$ref":"#/components/schemas/Meta"}}}"""));
        doc.putArray("security").addObject().putArray("bearer");
        ObjectNode paths = doc.putObject("paths");
        paths.putObject("/api/v1/tools").putObject("get").put("summary", "List the tools the caller's profile may use")
                .put("operationId", "listTools");
        for (ToolDefinition t : tools) {
            paths.set("/api/v1/tools/" + t.name(), operation(t));
        }
        return doc;
    }

    private static ObjectNode operation(ToolDefinition t) {
        ObjectNode path = Json.object();
        ObjectNode post = path.putObject("post");
        post.put("operationId", t.name());
        post.put("summary", t.title() == null ? t.name() : t.title());
        post.put("description", t.description());
        ObjectNode body = Json.object();
        body.put("type", "object");
        body.put("additionalProperties", false);
        ObjectNode props = body.putObject("properties");
        props.set("inputs", stripDialect(t.inputSchema()));
        props.putObject("context").put("$ref", "#/components/schemas/Context");
        post.putObject("requestBody").put("required", true).putObject("content").putObject("application/json")
                .set("schema", body);
        ObjectNode responses = post.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "The tool's result object, plus _meta {trace_id, cost, budget_remaining}");
        if (t.outputSchema() != null) {
            ok.putObject("content").putObject("application/json").set("schema", stripDialect(t.outputSchema()));
        }
        for (String[] r : new String[][]{{"400", "Invalid input (every violation listed with its JSON pointer)"},
                {"401", "Missing or invalid bearer token"}, {"403", "Profile denied or no-auto-send"},
                {"404", "Unknown tool or record"}, {"413", "Request too large"}, {"415", "Not application/json"},
                {"429", "Budget ceiling reached"}}) {
            responses.putObject(r[0]).put("description", r[1]).putObject("content").putObject("application/json")
                    .putObject("schema").put("$ref", "#/components/schemas/Error");
        }
        return path;
    }

    /** Embedded schemas inherit the document's dialect; {@code $defs} stay where they are. */
    private static JsonNode stripDialect(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        return copy;
    }
}
