package dev.closer.server.mcp;

import dev.closer.tool.Json;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import java.util.Map;

/**
 * The SDK's schema checks, answered by Closer's own: tool schemas are checked against the JSON
 * Schema 2020-12 meta-schema by the build (ToolCatalogTest), and every result is validated against
 * its output schema by the policy chain before it leaves. Handing the SDK its default validator
 * as well would validate twice and load the validator before {@code initialize} is answered.
 */
final class ChainValidatedSchemas implements JsonSchemaValidator {

    @Override
    public ValidationResponse validate(Map<String, Object> schema, Object structuredContent) {
        return ValidationResponse.asValid(Json.write(structuredContent));
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return ValidationResponse.asValid(null);
    }
}
