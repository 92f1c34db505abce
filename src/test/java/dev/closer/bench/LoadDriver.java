package dev.closer.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closer's own load driver: N clients, each on one keep-alive HTTP/1.1 connection, calling
 * {@code get_budget_status} back to back over REST or MCP Streamable HTTP for a fixed time, then
 * calls/s and latency percentiles. Raw sockets keep the driver's own cost low, since it shares the
 * machine with the server. Usage:
 * {@code LoadDriver --port 8080 --mode rest|mcp --clients 64 --seconds 20 --warmup 5}
 */
public final class LoadDriver {

    public static void main(String[] args) throws Exception {
        int port = 8080;
        int clients = 16;
        int seconds = 20;
        int warmup = 5;
        String mode = "rest";
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--mode" -> mode = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Result r = run(port, mode, clients, warmup, seconds);
        System.out.printf("%s clients=%d calls=%d errors=%d calls/s=%.0f p50=%.2fms p90=%.2fms p99=%.2fms%n", mode, clients,
                r.calls, r.errors, r.calls / (double) seconds, r.pct(50), r.pct(90), r.pct(99));
    }

    record Result(long calls, long errors, long[] latenciesNanos) {
        double pct(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latenciesNanos.length - 1, Math.ceil(p / 100 * latenciesNanos.length) - 1);
            return latenciesNanos[Math.max(0, i)] / 1e6;
        }
    }

    static Result run(int port, String mode, int clients, int warmupSeconds, int seconds) throws Exception {
        long warmEnd = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        long end = warmEnd + seconds * 1_000_000_000L;
        AtomicLong errors = new AtomicLong();
        List<long[]> perClient = new ArrayList<>();
        List<int[]> counts = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] lat = new long[2_000_000 / clients + 1000];
            int[] n = new int[1];
            perClient.add(lat);
            counts.add(n);
            int id = c;
            Thread t = new Thread(() -> {
                try (Client client = new Client(port, mode, id)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok = client.call();
                        long t1 = System.nanoTime();
                        if (t0 >= warmEnd) {
                            if (!ok) {
                                errors.incrementAndGet();
                            } else if (n[0] < lat.length) {
                                lat[n[0]++] = t1 - t0;
                            }
                        }
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    System.err.println("client " + id + ": " + e);
                } finally {
                    done.countDown();
                }
            });
            t.setDaemon(true);
            t.start();
        }
        done.await();
        int total = counts.stream().mapToInt(a -> a[0]).sum();
        long[] all = new long[total];
        int k = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(perClient.get(c), 0, all, k, counts.get(c)[0]);
            k += counts.get(c)[0];
        }
        Arrays.sort(all);
        return new Result(total, errors.get(), all);
    }

    /** One keep-alive connection speaking just enough HTTP/1.1 (Content-Length and chunked bodies). */
    static final class Client implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String mode;
        private final int port;
        private final int id;
        private String session;
        private int seq;

        Client(int port, String mode, int id) throws IOException {
            this.port = port;
            this.mode = mode;
            this.id = id;
            this.socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream(), 65536);
            if (mode.equals("mcp")) {
                Response init = send("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"load\",\"version\":\"1\"}}}");
                session = init.session;
                send("/mcp", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
            }
        }

        boolean call() throws IOException {
            Response r;
            if (mode.equals("mcp")) {
                r = send("/mcp", "{\"jsonrpc\":\"2.0\",\"id\":" + (++seq) + ",\"method\":\"tools/call\",\"params\":{"
                        + "\"name\":\"get_budget_status\",\"arguments\":{},\"_meta\":{\"trace_id\":\"load-" + id + "\"}}}");
                return r.status == 200 && r.body.contains("\"isError\":false");
            }
            if (mode.equals("health")) {
                r = send("/health", "{}");
                return r.status == 200;
            }
            r = send("/api/v1/tools/get_budget_status", "{\"inputs\":{},\"context\":{\"trace_id\":\"load-" + id + "\"}}");
            return r.status == 200;
        }

        record Response(int status, String session, String body) {
        }

        private Response send(String path, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder h = new StringBuilder(256).append(path.equals("/health") ? "GET " : "POST ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(port).append("\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n");
            if (session != null) {
                h.append("Mcp-Session-Id: ").append(session).append("\r\nMcp-Protocol-Version: 2025-06-18\r\n");
            }
            h.append("\r\n");
            out.write(h.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            String sid = null;
            for (String l = line(); !l.isEmpty(); l = line()) {
                String lower = l.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(l.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("mcp-session-id:")) {
                    sid = l.substring(15).trim();
                }
            }
            StringBuilder b = new StringBuilder();
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    b.append(new String(in.readNBytes(size), StandardCharsets.UTF_8));
                    line();
                }
                line();
            } else if (length > 0) {
                b.append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
            }
            return new Response(code, sid, b.toString());
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') {
                    sb.append((char) c);
                }
            }
            if (c == -1 && sb.length() == 0) {
                throw new IOException("connection closed");
            }
            return sb.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
