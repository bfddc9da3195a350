package club.questmaster.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns a service's error answer into an {@link ApiProblem}. Registered on each client with the service's name, so an
 * error page can say which service refused or failed. A body that is not problem+json still gives its status.
 */
public abstract class ProblemMapper implements ResponseExceptionMapper<ApiProblem> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String service;

    protected ProblemMapper(String service) {
        this.service = service;
    }

    @Override
    public ApiProblem toThrowable(Response response) {
        return parse(service, response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : null);
    }

    static ApiProblem parse(String service, int status, String body) {
        String code = null;
        String detail = null;
        List<ApiProblem.FieldError> errors = new ArrayList<>();
        if (body != null && !body.isBlank()) {
            try {
                JsonNode problem = JSON.readTree(body);
                code = text(problem, "code");
                detail = text(problem, "detail");
                if (detail == null) {
                    detail = text(problem, "title");
                }
                for (JsonNode error : problem.path("errors")) {
                    errors.add(new ApiProblem.FieldError(text(error, "field"), text(error, "message")));
                }
            } catch (java.io.IOException | RuntimeException notJson) {
                detail = null;
            }
        }
        return new ApiProblem(service, status, code, detail, errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }

    public static final class Users extends ProblemMapper {
        public Users() {
            super("users-service");
        }
    }

    public static final class Games extends ProblemMapper {
        public Games() {
            super("games-service");
        }
    }

    public static final class Trophies extends ProblemMapper {
        public Trophies() {
            super("trophies-service");
        }
    }

    public static final class Audit extends ProblemMapper {
        public Audit() {
            super("audit-service");
        }
    }
}
