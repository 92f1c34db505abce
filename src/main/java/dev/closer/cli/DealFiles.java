package dev.closer.cli;

import dev.closer.tool.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads deals for the intelligence tools from a file: a JSON array, JSON lines, or CSV with a
 * header of flat columns (deal_id, outcome, account_name, industry, revenue, employees, region,
 * deal_value, sales_cycle_days, qualification_score, loss_reason, close_date, lead_source). A
 * malformed line is an error naming the line; the tool's own schema then checks every field.
 */
final class DealFiles {

    private static final Set<String> NUMBERS = Set.of("revenue", "employees", "deal_value", "sales_cycle_days", "qualification_score");
    private static final Set<String> ACCOUNT = Set.of("account_name", "industry", "revenue", "employees", "region");

    private DealFiles() {
    }

    static ArrayNode read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            JsonNode n = Json.parse(Files.readString(file));
            if (!n.isArray()) {
                throw new IllegalArgumentException(file + " must hold a JSON array of deals");
            }
            return (ArrayNode) n;
        }
        List<String> lines = Files.readAllLines(file);
        ArrayNode out = Json.MAPPER.createArrayNode();
        if (name.endsWith(".jsonl")) {
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    try {
                        out.add(Json.parse(lines.get(i)));
                    } catch (RuntimeException e) {
                        throw new IllegalArgumentException("line " + (i + 1) + " is not JSON");
                    }
                }
            }
            return out;
        }
        List<String> header = Csv.split(lines.get(0)).stream().map(String::strip).toList();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = Csv.split(lines.get(i));
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + cells.size() + " fields, the header " + header.size());
            }
            ObjectNode deal = out.addObject();
            ObjectNode account = deal.putObject("account");
            for (int c = 0; c < header.size(); c++) {
                String k = header.get(c);
                String v = cells.get(c).strip();
                if (v.isEmpty()) {
                    continue;
                }
                ObjectNode target = ACCOUNT.contains(k) ? account : deal;
                String key = k.equals("account_name") ? "name" : k;
                if (NUMBERS.contains(k)) {
                    try {
                        target.put(key, Double.parseDouble(v));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("line " + (i + 1) + ": " + k + " '" + v + "' is not a number");
                    }
                } else {
                    target.put(key, v);
                }
            }
        }
        return out;
    }
}
