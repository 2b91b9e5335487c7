package org.opencti.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CTI server under test as a separate JVM (so its heap is its own), with its output in a log file, and what
 * {@code jcmd} says about it: heap in use after a full GC, the largest classes on the heap, its threads.
 */
final class ServerProcess implements AutoCloseable {
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");

    private final Process process;
    private final int httpPort;
    private final Path log;
    private final List<String> command;
    private volatile String supervisorToken;

    private ServerProcess(Process process, int httpPort, Path log, List<String> command) {
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.command = command;
    }

    static ServerProcess start(List<String> command, Map<String, String> env, int httpPort, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return new ServerProcess(pb.start(), httpPort, log, List.copyOf(command));
    }

    List<String> command() {
        return command;
    }

    int httpPort() {
        return httpPort;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until /health answers 200 (HTTP up and the AMI link to pbx-sim connected). */
    void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
            .timeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited (" + process.exitValue() + "):\n" + logTail(40));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not healthy within " + timeout + ":\n" + logTail(40));
    }

    /**
     * GET {@code path} as the load test's supervisor; the body. Logs in once and keeps the token (a login is a bcrypt
     * check on the server: not something to add to every poll of /metrics), again when it is refused.
     */
    String getAsSupervisor(String path) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String token = supervisorToken;
        if (token != null) {
            HttpResponse<String> r = get(client, path, token);
            if (r.statusCode() != 401) {
                return r.body();
            }
        }
        String body = "{\"user\":\"" + FanOutConfig.SUPERVISOR + "\",\"password\":\"" + FanOutConfig.PASSWORD + "\"}";
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/login"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
        if (!m.find()) {
            throw new IllegalStateException("supervisor login failed: " + login.body());
        }
        supervisorToken = m.group(1);
        return get(client, path, supervisorToken).body();
    }

    private HttpResponse<String> get(HttpClient client, String path, String token) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Heap in use after two full collections ({@code jcmd GC.run}, then {@code GC.heap_info}), in bytes. */
    long heapUsedAfterGc() throws Exception {
        jcmd("GC.run");
        Thread.sleep(300);
        jcmd("GC.run");
        String info = jcmd("GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("cannot read jcmd GC.heap_info:\n" + info);
        }
        return Long.parseLong(m.group(2)) * 1024;
    }

    /** The first {@code rows} classes of {@code jcmd GC.class_histogram} (instances and bytes per class). */
    String histogram(int rows) throws Exception {
        String[] lines = jcmd("GC.class_histogram").split("\n");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length && i < rows + 3; i++) {
            if (!lines[i].startsWith(String.valueOf(pid()) + ":")) {
                out.append(lines[i]).append('\n');
            }
        }
        return out.toString();
    }

    /** Thread names of the server grouped by pool (digits removed), with counts. */
    String threadSummary() throws Exception {
        Map<String, Integer> pools = new java.util.TreeMap<>();
        for (String line : jcmd("Thread.print").split("\n")) {
            if (line.startsWith("\"")) {
                String name = line.substring(1, line.indexOf('"', 1)).replaceAll("\\d+", "#");
                pools.merge(name, 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        pools.forEach((name, n) -> parts.add(n + " x " + name));
        return String.join(", ", parts);
    }

    String jcmd(String... what) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("jcmd", Long.toString(pid())));
        cmd.addAll(List.of(what));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", what) + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** The node dies at once (SIGKILL): no shutdown hook, no lease given back, sockets cut. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
