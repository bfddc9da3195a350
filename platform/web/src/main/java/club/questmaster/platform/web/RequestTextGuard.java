package club.questmaster.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Query and path parameters a service could not store or use are refused before any endpoint runs (contract §6),
 * whatever the endpoint declares: a NUL character ({@code %00}) anywhere in the path or in a query parameter, or a
 * query string that does not decode, is a 400 problem+json naming the parameter. (JSON bodies get the same rule from
 * {@link JacksonSetup}.)
 */
@ApplicationScoped
public class RequestTextGuard {

    private final ObjectMapper json;

    public RequestTextGuard(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext rc) {
        String path = rc.request().path();
        if (path != null && (path.indexOf('\u0000') >= 0 || path.toLowerCase(Locale.ROOT).contains("%00"))) {
            refuse(rc, "path", TextRules.NUL_MESSAGE);
            return;
        }
        String query = rc.request().query();
        if (query != null && !query.isEmpty()) {
            try {
                for (Map.Entry<String, String> param : rc.queryParams()) {
                    if (TextRules.refusal(param.getKey()) != null || TextRules.refusal(param.getValue()) != null) {
                        refuse(rc, param.getKey().replace("\u0000", ""), TextRules.NUL_MESSAGE);
                        return;
                    }
                }
            } catch (RuntimeException malformed) {
                refuse(rc, "query", "is not a well-formed query string");
                return;
            }
        }
        rc.next();
    }

    private void refuse(RoutingContext rc, String field, String message) {
        String body;
        try {
            body = json.writeValueAsString(Problem.of(ErrorCode.VALIDATION_ERROR,
                    "Parameter '" + field + "' " + message + ".", List.of(new Problem.FieldError(field, message))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        rc.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
