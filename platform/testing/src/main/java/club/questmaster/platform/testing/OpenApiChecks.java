package club.questmaster.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every operation of an OpenAPI document must carry for a client to be generated from it (docs/openapi.md):
 * a unique operationId, a summary, a security requirement, a 2xx answer with a schema (or a 204), and 4xx answers,
 * each in problem+json. Plain JSON in, one line per missing thing out, so the foundation test names them all.
 */
public final class OpenApiChecks {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiChecks() {
    }

    /** Each problem as "METHOD path: what is missing"; empty when the document is complete. */
    public static List<String> problems(JsonNode document) {
        List<String> problems = new ArrayList<>();
        Map<String, String> operationIds = new HashMap<>();
        boolean globalSecurity = document.has("security");
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                check(where, op.getValue(), globalSecurity, operationIds, problems);
            }
        }
        return problems;
    }

    private static void check(String where, JsonNode op, boolean globalSecurity, Map<String, String> operationIds,
            List<String> problems) {
        String operationId = op.path("operationId").asText("");
        if (operationId.isBlank()) {
            problems.add(where + ": no operationId");
        } else if (operationIds.putIfAbsent(operationId, where) != null) {
            problems.add(where + ": operationId " + operationId + " also used by " + operationIds.get(operationId));
        }
        if (op.path("summary").asText("").isBlank()) {
            problems.add(where + ": no summary");
        }
        if (!op.has("security") && !globalSecurity) {
            problems.add(where + ": no security requirement");
        }
        boolean success = false;
        boolean clientError = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                success |= status.equals("204") || response.getValue().has("$ref") || hasSchema(content);
            } else if (status.startsWith("4")) {
                clientError = true;
                if (!response.getValue().has("$ref") && !content.has(PROBLEM_JSON)) {
                    problems.add(where + ": " + status + " is not " + PROBLEM_JSON);
                } else if (!response.getValue().has("$ref") && !content.path(PROBLEM_JSON).has("schema")) {
                    problems.add(where + ": " + status + " has no schema");
                }
            }
        }
        if (!success) {
            problems.add(where + ": no 2xx answer with a schema (nor a 204)");
        }
        if (!clientError) {
            problems.add(where + ": no 4xx answer");
        }
    }

    private static boolean hasSchema(JsonNode content) {
        for (Iterator<JsonNode> media = content.elements(); media.hasNext(); ) {
            if (media.next().has("schema")) {
                return true;
            }
        }
        return false;
    }
}
