package dev.closer.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * End-to-end request timings against a running {@code closer serve} on loopback, JSON in and out,
 * repeated and reported as medians: a 100,000-account score_accounts call, a 100,000-deal
 * analyze_win_loss_patterns call, and a draft + assess of one message.
 * Usage: EndToEndTimings PORT [runs]
 */
public final class EndToEndTimings {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + port + "/api/v1/tools/";
        String accounts = accounts(100_000);
        String deals = deals(100_000);
        report("score_accounts, 100,000 accounts", runs, () -> post(http, base + "score_accounts", accounts));
        report("analyze_win_loss_patterns, 100,000 deals", runs, () -> post(http, base + "analyze_win_loss_patterns", deals));
        String draft = "{\"inputs\": {\"recipient_context\": {\"name\": \"Sarah Johnson\", \"title\": \"VP Sales\", \"company\": \"Acme\"},"
                + " \"sender_context\": {\"name\": \"Alex Martinez\", \"company\": \"CUGAr\"}, \"template\": \"tech_prospecting\"}}";
        report("draft_outreach_message + assess_message_quality", runs * 30, () -> {
            String d = post(http, base + "draft_outreach_message", draft);
            int at = d.indexOf("\"message\":");
            int end = d.indexOf(",\"warnings\"");
            post(http, base + "assess_message_quality", "{\"inputs\": {\"message\": " + d.substring(at + 10, end) + "}}");
            return d;
        });
    }

    /** Warms up as many calls as it measures (at least two), so the JIT has compiled the path being timed. */
    private static void report(String what, int runs, Supplier<String> call) {
        for (int i = 0; i < Math.max(2, runs); i++) {
            call.get();
        }
        List<Double> ms = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            bytes = call.get().length();
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-50s median %8.1f ms  min %8.1f  max %8.1f  (%d runs, response %d KB)%n", what, ms.get(ms.size() / 2),
                ms.get(0), ms.get(ms.size() - 1), runs, bytes / 1024);
    }

    private static String post(HttpClient http, String url, String body) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " -> " + r.statusCode() + ": " + r.body().substring(0, Math.min(300, r.body().length())));
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static String accounts(int n) {
        String[] ind = {"SaaS", "Cloud Infrastructure", "Manufacturing", "Health Care", "Retail", "FinTech"};
        String[] geo = {"California", "Seattle, WA", "Texas", "USA", "London"};
        Random r = new Random(1);
        StringBuilder sb = new StringBuilder(n * 110).append("{\"inputs\": {\"market_definition\": {\"industries\": [\"SaaS\","
                + " \"Cloud Infrastructure\"], \"revenue_range\": \"10M-50M\", \"employee_count_range\": \"50-500\","
                + " \"geography\": \"US West Coast\"}, \"accounts\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"name\":\"Account ").append(i).append("\",\"industry\":\"")
                    .append(ind[r.nextInt(ind.length)]).append("\",\"revenue\":").append((1 + r.nextInt(200)) * 1_000_000L)
                    .append(",\"employees\":").append(10 + r.nextInt(3000)).append(",\"geography\":\"").append(geo[r.nextInt(geo.length)])
                    .append("\"}");
        }
        return sb.append("]}, \"context\": {\"trace_id\": \"bench\"}}").toString();
    }

    static String deals(int n) {
        String[] ind = {"Technology", "Healthcare", "Manufacturing"};
        String[] reasons = {"Price", "too expensive", "Bad timing", "Went with a competitor"};
        Random r = new Random(2);
        StringBuilder sb = new StringBuilder(n * 200).append("{\"inputs\": {\"min_deals_for_pattern\": 5, \"deals\": [");
        for (int i = 0; i < n; i++) {
            boolean won = r.nextDouble() < 0.55;
            sb.append(i == 0 ? "" : ",").append("{\"deal_id\":\"d").append(i).append("\",\"outcome\":\"").append(won ? "won" : "lost")
                    .append("\",\"account\":{\"industry\":\"").append(ind[r.nextInt(3)]).append("\",\"revenue\":")
                    .append((1 + r.nextInt(300)) * 1_000_000L).append(",\"region\":\"EMEA\"},\"deal_value\":")
                    .append(20_000 + r.nextInt(200_000)).append(",\"sales_cycle_days\":").append(20 + r.nextInt(60))
                    .append(",\"qualification_score\":").append(Math.round(r.nextDouble() * 100) / 100.0)
                    .append(",\"close_date\":\"2025-1").append(r.nextInt(3)).append("-1").append(r.nextInt(10)).append("\"");
            if (!won) {
                sb.append(",\"loss_reason\":\"").append(reasons[r.nextInt(4)]).append("\"");
            }
            sb.append("}");
        }
        return sb.append("]}, \"context\": {\"trace_id\": \"bench\"}}").toString();
    }
}
