package dev.closer.cli;

import dev.closer.App;
import dev.closer.sales.accounts.SignalImport;
import dev.closer.sales.territory.Territories;
import dev.closer.store.SqliteSignals;
import dev.closer.store.SqliteTerritories;
import dev.closer.tool.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * {@code closer import signals FILE} (CSV with a header, or JSONL: account_id, type, description,
 * observed_at, source, strength) and {@code closer import territories FILE} (a JSON array of
 * {name, rep_count, capacity_per_rep, account_ids}) and {@code closer import crm FILE} (JSON
 * {accounts, opportunities, contacts} for the offline CRM). Bad rows are reported with their line numbers;
 * the good ones import in one transaction. The report is JSON on stdout.
 */
@Command(name = "import", description = "Import signals (CSV/JSONL), territories (JSON) or offline CRM data (JSON) into a profile.")
final class ImportCommand implements Callable<Integer> {

    @Mixin
    Common common;

    @Parameters(index = "0", description = "What to import: signals or territories.")
    String what;

    @Parameters(index = "1", description = "The file.")
    Path file;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            System.err.println("closer import: no such file " + file);
            return 2;
        }
        try (App app = common.app()) {
            if (app.profiles().find(common.profile).isEmpty()) {
                System.err.println("closer import: unknown profile '" + common.profile + "'");
                return 2;
            }
            return switch (what) {
                case "signals" -> signals(app);
                case "territories" -> territories(app);
                case "crm" -> {
                    var report = new dev.closer.crm.offline.OfflineCrmImport(app.db()).run(common.profile, Json.parse(Files.readString(file)));
                    System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.toTree(report)));
                    yield report.rejected().isEmpty() ? 0 : 1;
                }
                default -> {
                    System.err.println("closer import: can import 'signals', 'territories' or 'crm', not '" + what + "'");
                    yield 2;
                }
            };
        }
    }

    private int signals(App app) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<SignalImport.Row> rows = new ArrayList<>();
        List<SignalImport.Rejected> unreadable = new ArrayList<>();
        boolean jsonl = file.toString().endsWith(".jsonl") || (!lines.isEmpty() && lines.get(0).strip().startsWith("{"));
        List<String> header = jsonl || lines.isEmpty() ? List.of() : Csv.split(lines.get(0)).stream().map(String::strip).toList();
        for (int i = jsonl ? 0 : 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                Map<String, String> f = jsonl ? jsonFields(line) : csvFields(header, line);
                rows.add(new SignalImport.Row(i + 1, f.get("account_id"), f.get("type"), f.get("description"), f.get("observed_at"),
                        f.get("source"), f.get("strength")));
            } catch (IllegalArgumentException | JacksonException e) {
                unreadable.add(new SignalImport.Rejected(i + 1, "unreadable line: " + e.getMessage()));
            }
        }
        SignalImport.Report report = new SignalImport(new SqliteSignals(app.db())).run(common.profile, rows, unreadable);
        System.out.println(Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.toTree(report)));
        return report.rejected().isEmpty() ? 0 : 1;
    }

    private static Map<String, String> csvFields(List<String> header, String line) {
        List<String> cells = Csv.split(line);
        if (cells.size() != header.size()) {
            throw new IllegalArgumentException(cells.size() + " fields, the header has " + header.size());
        }
        Map<String, String> f = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            f.put(header.get(i), cells.get(i));
        }
        return f;
    }

    private static Map<String, String> jsonFields(String line) {
        JsonNode n = Json.parse(line);
        if (!n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        Map<String, String> f = new HashMap<>();
        n.properties().forEach(e -> f.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString(e.getValue().toString())));
        return f;
    }

    private int territories(App app) throws IOException {
        JsonNode root = Json.parse(Files.readString(file));
        List<Territories.Territory> good = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int i = 0;
        for (JsonNode t : root.isArray() ? root : Json.MAPPER.createArrayNode()) {
            String name = t.path("name").asString("");
            int reps = t.path("rep_count").asInt(-1);
            int capacity = t.path("capacity_per_rep").asInt(50);
            if (name.isBlank() || reps < 0 || capacity < 1 || !t.path("account_ids").isArray()) {
                problems.add("territory " + i + ": needs name, rep_count >= 0, capacity_per_rep >= 1 and account_ids[]");
            } else {
                List<String> ids = new ArrayList<>();
                t.path("account_ids").forEach(x -> ids.add(x.asString()));
                good.add(new Territories.Territory(name, reps, capacity, ids));
            }
            i++;
        }
        if (!root.isArray() || !problems.isEmpty()) {
            System.err.println("closer import: " + (root.isArray() ? String.join("; ", problems) : "the file must hold a JSON array")
                    + "; nothing was imported");
            return 1;
        }
        new SqliteTerritories(app.db()).replaceAll(common.profile, good);
        System.out.println("{\"imported\": " + good.size() + "}");
        return 0;
    }
}
