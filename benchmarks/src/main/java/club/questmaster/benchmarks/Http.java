package club.questmaster.benchmarks;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * A deliberately small HTTP/1.1 keep-alive load generator: one blocking socket and one thread per connection,
 * requests pre-encoded as bytes, responses parsed only as far as status, Content-Length or chunks. On a 2-core
 * machine the client shares the CPU with the service it measures, so it must cost far less than a request does
 * (the JDK HttpClient costs several times more per request than this).
 */
final class Http {

    private Http() {
    }

    /** Pre-encoded request bytes. */
    static byte[] request(String method, int port, String pathAndQuery, String bearer, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(pathAndQuery)
                .append(" HTTP/1.1\r\nHost: 127.0.0.1:").append(port).append("\r\nAccept: application/json\r\n");
        if (bearer != null) {
            head.append("Authorization: Bearer ").append(bearer).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\n");
        }
        head.append("Content-Length: ").append(content.length).append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + content.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(content, 0, all, h.length, content.length);
        return all;
    }

    /** One keep-alive connection. */
    static final class Connection implements AutoCloseable {
        private final int port;
        private Socket socket;
        private InputStream in;
        private OutputStream out;
        byte[] lastBody;

        Connection(int port) {
            this.port = port;
        }

        /** @return the status code; the body is kept in {@link #lastBody} when {@code keepBody} */
        int send(byte[] request, boolean keepBody) throws IOException {
            for (int attempt = 0; ; attempt++) {
                try {
                    if (socket == null) {
                        socket = new Socket();
                        socket.setTcpNoDelay(true);
                        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                        socket.setSoTimeout(60_000);
                        in = new BufferedInputStream(socket.getInputStream(), 65536);
                        out = socket.getOutputStream();
                    }
                    out.write(request);
                    out.flush();
                    return read(keepBody);
                } catch (IOException e) {
                    close();
                    if (attempt > 0) {
                        throw e;
                    }
                }
            }
        }

        private int read(boolean keepBody) throws IOException {
            String status = line();
            if (status == null) {
                throw new IOException("connection closed");
            }
            int code = Integer.parseInt(status.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closeAfter = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = h.substring(0, colon).trim();
                String value = h.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                }
            }
            java.io.ByteArrayOutputStream body = keepBody ? new java.io.ByteArrayOutputStream() : null;
            if (chunked) {
                while (true) {
                    String size = line();
                    int semi = size.indexOf(';');
                    long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                    if (n == 0) {
                        while (!line().isEmpty()) {
                            // trailers
                        }
                        break;
                    }
                    copy(n, body);
                    line();
                }
            } else if (length > 0) {
                copy(length, body);
            }
            lastBody = keepBody ? body.toByteArray() : null;
            if (closeAfter) {
                close();
            }
            return code;
        }

        private void copy(long n, java.io.ByteArrayOutputStream to) throws IOException {
            byte[] buf = new byte[8192];
            while (n > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, n));
                if (r < 0) {
                    throw new IOException("truncated body");
                }
                if (to != null) {
                    to.write(buf, 0, r);
                }
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            socket = null;
        }
    }

    /** What a load run measured. */
    record Run(long requests, long errors, double seconds, Stats.Histogram latency, java.util.Map<Integer, Long> codes) {
        double rate() {
            return requests / seconds;
        }
    }

    /**
     * Closed loop: {@code connections} connections send back to back for {@code seconds}; request {@code i} is
     * {@code requests.apply(i)} (i counts up across all connections, so each request can be distinct).
     */
    static Run closedLoop(int port, int connections, double seconds, LongFunction<byte[]> requests)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        LongAdder errors = new LongAdder();
        Stats.Histogram latency = new Stats.Histogram();
        java.util.concurrent.ConcurrentHashMap<Integer, LongAdder> codes = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try (Connection conn = new Connection(port)) {
                    while (System.nanoTime() < end) {
                        byte[] req = requests.apply(next.getAndIncrement());
                        long t0 = System.nanoTime();
                        try {
                            int code = conn.send(req, false);
                            latency.record(System.nanoTime() - t0);
                            codes.computeIfAbsent(code, k -> new LongAdder()).increment();
                        } catch (IOException e) {
                            errors.increment();
                        }
                    }
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        java.util.Map<Integer, Long> counted = new java.util.TreeMap<>();
        codes.forEach((k, v) -> counted.put(k, v.sum()));
        return new Run(latency.count(), errors.sum(), took, latency, counted);
    }

    /**
     * Open loop at a fixed rate: request {@code i} is due at {@code start + i / rate}; its latency counts from when it
     * was due, not from when a connection got free (no coordinated omission).
     */
    static Run openLoop(int port, int connections, double rate, double seconds, LongFunction<byte[]> requests)
            throws InterruptedException {
        long total = (long) (rate * seconds);
        AtomicLong next = new AtomicLong();
        LongAdder errors = new LongAdder();
        Stats.Histogram latency = new Stats.Histogram();
        java.util.concurrent.ConcurrentHashMap<Integer, LongAdder> codes = new java.util.concurrent.ConcurrentHashMap<>();
        long start = System.nanoTime() + 50_000_000L;
        double interval = 1e9 / rate;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread t = new Thread(() -> {
                try (Connection conn = new Connection(port)) {
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + (long) (i * interval);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                        byte[] req = requests.apply(i);
                        try {
                            int code = conn.send(req, false);
                            latency.record(System.nanoTime() - due);
                            codes.computeIfAbsent(code, k -> new LongAdder()).increment();
                        } catch (IOException e) {
                            errors.increment();
                        }
                    }
                }
            }, "rate-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        java.util.Map<Integer, Long> counted = new java.util.TreeMap<>();
        codes.forEach((k, v) -> counted.put(k, v.sum()));
        return new Run(latency.count(), errors.sum(), took, latency, counted);
    }

    /** {@code n} requests released at the same instant, one connection each (the contention check). */
    static java.util.Map<Integer, Long> burst(int port, List<byte[]> requests) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        ConcurrentLinkedQueue<Integer> codes = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (byte[] req : requests) {
            Thread t = new Thread(() -> {
                try (Connection conn = new Connection(port)) {
                    conn.send(Http.request("GET", port, "/q/health/live", null, null), false);
                    ready.countDown();
                    go.await();
                    codes.add(conn.send(req, false));
                } catch (IOException | InterruptedException e) {
                    codes.add(-1);
                }
            });
            threads.add(t);
            t.start();
        }
        ready.await();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        java.util.Map<Integer, Long> counted = new java.util.TreeMap<>();
        codes.forEach(c -> counted.merge(c, 1L, Long::sum));
        return counted;
    }

    /** A single request on a fresh connection; returns status and body. */
    static String get(int port, String path, String bearer) throws IOException {
        try (Connection conn = new Connection(port)) {
            int code = conn.send(request("GET", port, path, bearer, null), true);
            return code + " " + new String(conn.lastBody, StandardCharsets.UTF_8);
        }
    }

    static int status(int port, String method, String path, String bearer, String body) throws IOException {
        try (Connection conn = new Connection(port)) {
            return conn.send(request(method, port, path, bearer, body), false);
        }
    }
}
