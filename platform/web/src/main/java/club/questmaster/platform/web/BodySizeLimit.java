package club.questmaster.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers 413 in problem+json before reading a body whose Content-Length is over the limit. (A chunked body over
 * the limit is still cut by Vert.x at {@code quarkus.http.limits.max-body-size}, with a bare 413.)
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long maxBytes;
    private final String body;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max, ObjectMapper json)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        this.maxBytes = max.asLongValue();
        this.body = json.writeValueAsString(Problem.of(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + (maxBytes / 1024) + " KiB.", List.of()));
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            if (length != null) {
                try {
                    if (Long.parseLong(length.trim()) > maxBytes) {
                        rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                                .putHeader("Connection", "close").end(body);
                        return;
                    }
                } catch (NumberFormatException e) {
                    rc.response().setStatusCode(400).end();
                    return;
                }
            }
            rc.next();
        });
    }
}
