package club.questmaster.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A plain HTTP/1.1 client that counts every request it sends. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final AtomicLong SENT = new AtomicLong();

    record Answer(int status, String contentType, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (Exception e) {
                return null;
            }
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Http() {
    }

    /** {@code body} is sent as is (already JSON text), or not at all when null. */
    static Answer send(String method, String url, String token, String body) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(40));
        } catch (IllegalArgumentException unsendable) {
            throw new IllegalStateException("the fuzzer built an invalid URL: " + url, unsendable);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        SENT.incrementAndGet();
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), Http::bodyUnlessStream);
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (java.io.IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The body as text, except an event stream's (a valid request to an SSE endpoint never ends): its head is the
     * answer; the stream is closed at once.
     */
    private static HttpResponse.BodySubscriber<String> bodyUnlessStream(HttpResponse.ResponseInfo info) {
        if (info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream")) {
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> {
                try {
                    in.close();
                } catch (java.io.IOException ignored) {
                    // closing only cancels the stream
                }
                return "(event stream)";
            });
        }
        return HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    static JsonNode ok(String method, String url, String token, Object body) {
        String text;
        try {
            text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Answer a = send(method, url, token, text);
        if (a.status() < 200 || a.status() >= 300) {
            throw new IllegalStateException(method + " " + url + " answered " + a.status() + ": " + a.body());
        }
        return a.json();
    }
}
