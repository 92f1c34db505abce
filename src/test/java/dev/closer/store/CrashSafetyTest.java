package dev.closer.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a serving Closer mid-load loses no acknowledged call: every call that got a
 * 200 had its audit row committed before the answer left, so after a restart the log holds at
 * least that many rows.
 */
class CrashSafetyTest {

    @TempDir
    Path dir;

    @Test
    void a_killed_server_keeps_every_acknowledged_audit_row() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.closer.Main", "serve",
                "--port", String.valueOf(port), "--data-dir", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                if (http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    break;
                }
            } catch (java.io.IOException notYet) {
                assertTrue(System.currentTimeMillis() < deadline, "server did not start");
                Thread.sleep(100);
            }
        }
        AtomicLong acknowledged = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        URI call = URI.create("http://127.0.0.1:" + port + "/api/v1/tools/get_budget_status");
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                while (!stop.get()) {
                    try {
                        var r = http.send(HttpRequest.newBuilder(call).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"inputs\": {}, \"context\": {\"trace_id\": \"crash\"}}"))
                                .build(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() == 200) {
                            acknowledged.incrementAndGet();
                        }
                    } catch (Exception killed) {
                        return;
                    }
                }
            });
            t.start();
            clients.add(t);
        }
        Thread.sleep(1500);
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
        server.waitFor();
        stop.set(true);
        for (Thread t : clients) {
            t.join(5000);
        }
        assertTrue(acknowledged.get() > 50, "the load ran: " + acknowledged.get());
        Database db = Database.open(dir);
        long rows = db.read(c -> {
            try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE trace_id = 'crash'");
                 ResultSet r = p.executeQuery()) {
                return r.getLong(1);
            }
        });
        db.close();
        assertTrue(rows >= acknowledged.get(), rows + " audit rows for " + acknowledged.get() + " acknowledged calls");
    }
}
