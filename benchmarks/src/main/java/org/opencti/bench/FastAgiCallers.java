package org.opencti.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays many Asterisk-like FastAGI clients on one thread with one {@link Selector}: each connects, sends the
 * {@code agi_*} environment block (key order of {@code fixtures/asterisk/02-fastagi.txt}) and answers every command
 * like Asterisk would; GET DATA is answered {@code 200 result=2} only after the caller's think time, so the
 * sessions pile up. A session is complete when the server closes it after {@code SET PRIORITY}.
 * Counters are readable from other threads; the latency samples only after {@link #run()} returned.
 */
final class FastAgiCallers implements Runnable {
    /** Connects started but not yet answered with the first command; keeps the server's accept backlog happy. */
    private static final int MAX_CONNECTING = 512;

    private final InetSocketAddress server;
    private final int sessions;
    private final long thinkNanos;
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(16 * 1024);
    private final ArrayDeque<Caller> thinking = new ArrayDeque<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final AtomicInteger parked = new AtomicInteger();
    private final AtomicInteger peakParked = new AtomicInteger();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final LongSamples turnaround = new LongSamples();
    private final LongSamples firstCommand = new LongSamples();
    private volatile boolean stop;
    private volatile long startNanos;
    private volatile long endNanos;
    private volatile String firstFailure;
    private int started;
    private int connecting;

    FastAgiCallers(InetSocketAddress server, int sessions, long thinkMillis) {
        this.server = server;
        this.sessions = sessions;
        this.thinkNanos = TimeUnit.MILLISECONDS.toNanos(thinkMillis);
    }

    /** One caller's connection state. */
    private static final class Caller {
        final int id;
        final SocketChannel channel;
        final StringBuilder line = new StringBuilder(64);
        SelectionKey key;
        ByteBuffer pending;
        long envSentNanos;
        long replySentNanos;
        long dueNanos;
        boolean sawFirst;
        boolean sawPriority;
        boolean closed;

        Caller(int id, SocketChannel channel) {
            this.id = id;
            this.channel = channel;
        }
    }

    @Override
    public void run() {
        try (Selector selector = Selector.open()) {
            startNanos = System.nanoTime();
            while (!stop && completed.get() + failed.get() < sessions) {
                startConnects(selector);
                long timeoutMs = 100;
                Caller next = thinking.peek();
                if (next != null) {
                    timeoutMs = Math.max(1, TimeUnit.NANOSECONDS.toMillis(next.dueNanos - System.nanoTime()) + 1);
                }
                selector.select(Math.min(timeoutMs, 100));
                for (SelectionKey key : selector.selectedKeys()) {
                    handle(key);
                }
                selector.selectedKeys().clear();
                fireTimers();
            }
            endNanos = System.nanoTime();
            for (SelectionKey key : selector.keys()) {
                fail((Caller) key.attachment(), "driver stopped with the session still open");
            }
        } catch (IOException e) {
            throw new IllegalStateException("selector failed", e);
        }
    }

    private void startConnects(Selector selector) {
        while (started < sessions && connecting < MAX_CONNECTING) {
            int id = started++;
            connecting++;
            Caller caller = null;
            try {
                SocketChannel channel = SocketChannel.open();
                caller = new Caller(id, channel);
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                if (channel.connect(server)) {
                    caller.key = channel.register(selector, SelectionKey.OP_READ, caller);
                    connected(caller);
                } else {
                    caller.key = channel.register(selector, SelectionKey.OP_CONNECT, caller);
                }
            } catch (IOException e) {
                if (caller == null) {
                    connecting--;
                    failed.incrementAndGet();
                    noteFailure("connect " + id + ": " + e);
                } else {
                    fail(caller, "connect: " + e);
                }
            }
        }
    }

    private void handle(SelectionKey key) {
        Caller caller = (Caller) key.attachment();
        if (caller.closed) {
            return;
        }
        try {
            if (key.isValid() && key.isConnectable()) {
                caller.channel.finishConnect();
                key.interestOps(SelectionKey.OP_READ);
                connected(caller);
            }
            if (key.isValid() && key.isWritable()) {
                flush(caller);
            }
            if (key.isValid() && key.isReadable()) {
                read(caller);
            }
        } catch (IOException e) {
            fail(caller, e.toString());
        }
    }

    private void connected(Caller caller) throws IOException {
        int now = open.incrementAndGet();
        peakOpen.accumulateAndGet(now, Math::max);
        caller.envSentNanos = System.nanoTime();
        send(caller, environment(caller.id));
    }

    private void read(Caller caller) throws IOException {
        readBuffer.clear();
        int n = caller.channel.read(readBuffer);
        if (n < 0) {
            closedByServer(caller);
            return;
        }
        long now = System.nanoTime();
        readBuffer.flip();
        while (readBuffer.hasRemaining() && !caller.closed) {
            char c = (char) (readBuffer.get() & 0xff);
            if (c == '\n') {
                int len = caller.line.length();
                if (len > 0 && caller.line.charAt(len - 1) == '\r') {
                    caller.line.setLength(len - 1);
                }
                String command = caller.line.toString();
                caller.line.setLength(0);
                command(caller, command, now);
            } else {
                caller.line.append(c);
            }
        }
    }

    private void command(Caller caller, String command, long receivedNanos) throws IOException {
        if (!caller.sawFirst) {
            caller.sawFirst = true;
            connecting--;
            firstCommand.add(receivedNanos - caller.envSentNanos);
        } else if (caller.replySentNanos != 0) {
            turnaround.add(receivedNanos - caller.replySentNanos);
        }
        caller.replySentNanos = 0;
        String upper = command.toUpperCase();
        if (upper.startsWith("GET DATA")) {
            int now = parked.incrementAndGet();
            peakParked.accumulateAndGet(now, Math::max);
            caller.dueNanos = receivedNanos + thinkNanos;
            thinking.add(caller);
            return;
        }
        if (upper.startsWith("SET PRIORITY")) {
            caller.sawPriority = true;
        }
        reply(caller, replyTo(upper));
    }

    static String replyTo(String upperCommand) {
        if (upperCommand.startsWith("STREAM FILE")) {
            return "200 result=0 endpos=1200";
        }
        if (upperCommand.startsWith("SET VARIABLE") || upperCommand.startsWith("SET CONTEXT")
                || upperCommand.startsWith("SET EXTENSION") || upperCommand.startsWith("SET PRIORITY")) {
            return "200 result=1";
        }
        return "200 result=0";
    }

    private void fireTimers() {
        long now = System.nanoTime();
        while (!thinking.isEmpty() && thinking.peek().dueNanos - now <= 0) {
            Caller caller = thinking.poll();
            parked.decrementAndGet();
            if (caller.closed) {
                continue;
            }
            try {
                reply(caller, "200 result=2");
            } catch (IOException e) {
                fail(caller, e.toString());
            }
        }
    }

    private void reply(Caller caller, String line) throws IOException {
        send(caller, line + "\n");
        caller.replySentNanos = System.nanoTime();
    }

    private void send(Caller caller, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        if (caller.pending != null) {
            ByteBuffer merged = ByteBuffer.allocate(caller.pending.remaining() + bytes.remaining());
            merged.put(caller.pending).put(bytes).flip();
            bytes = merged;
        }
        caller.pending = bytes;
        flush(caller);
    }

    private void flush(Caller caller) throws IOException {
        caller.channel.write(caller.pending);
        if (caller.pending.hasRemaining()) {
            caller.key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        } else {
            caller.pending = null;
            caller.key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void closedByServer(Caller caller) {
        if (caller.sawPriority) {
            close(caller);
            completed.incrementAndGet();
        } else {
            fail(caller, "server closed the session before SET PRIORITY");
        }
    }

    private void fail(Caller caller, String why) {
        if (caller.closed) {
            return;
        }
        if (!caller.sawFirst) {
            connecting--;
        }
        close(caller);
        failed.incrementAndGet();
        noteFailure("caller " + caller.id + ": " + why);
    }

    private void noteFailure(String why) {
        if (firstFailure == null) {
            firstFailure = why;
        }
    }

    private void close(Caller caller) {
        boolean wasOpen = caller.channel.isConnected();
        caller.closed = true;
        try {
            caller.channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        if (wasOpen) {
            open.decrementAndGet();
        }
    }

    /** The environment block Asterisk 22 sends, keys in the order of the fixture capture. */
    static String environment(int id) {
        String uniqueId = "1795346158." + id;
        return "agi_network: yes\n"
                + "agi_network_script: ivr?menu=main\n"
                + "agi_request: agi://127.0.0.1:4573/ivr?menu=main\n"
                + "agi_channel: Local/5551000@inbound-" + String.format("%08x", id) + ";2\n"
                + "agi_language: en\n"
                + "agi_type: Local\n"
                + "agi_uniqueid: " + uniqueId + "\n"
                + "agi_version: 22.10.1\n"
                + "agi_callerid: +1555" + String.format("%07d", id) + "\n"
                + "agi_calleridname: Caller " + id + "\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: unknown\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: inbound\n"
                + "agi_extension: 5551000\n"
                + "agi_priority: 4\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: 1403453511" + String.format("%05d", id % 100000) + "\n"
                + "\n";
    }

    void stop() {
        stop = true;
    }

    int open() {
        return open.get();
    }

    int peakOpen() {
        return peakOpen.get();
    }

    int parked() {
        return parked.get();
    }

    int peakParked() {
        return peakParked.get();
    }

    int completed() {
        return completed.get();
    }

    int failed() {
        return failed.get();
    }

    String firstFailure() {
        return firstFailure;
    }

    long wallNanos() {
        return endNanos - startNanos;
    }

    LongSamples turnaround() {
        return turnaround;
    }

    LongSamples firstCommand() {
        return firstCommand;
    }

    /** A growable list of nanosecond samples, written by one thread. */
    static final class LongSamples {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        /** The q-quantile (0..1) in microseconds, nearest rank; NaN if empty. */
        double quantileMicros(double q) {
            if (size == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(values, size);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(q * size) - 1;
            return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e3;
        }
    }
}
