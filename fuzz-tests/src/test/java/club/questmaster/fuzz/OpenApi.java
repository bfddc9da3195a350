package club.questmaster.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The operations of one service's OpenAPI document (/q/openapi?format=json), with $refs resolved. */
final class OpenApi {

    record Param(String name, String in, JsonNode schema, boolean required) {
    }

    record Operation(String service, String method, String path, List<Param> params, JsonNode body) {
        String id() {
            return service + " " + method + " " + path;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private OpenApi() {
    }

    static List<Operation> operations(String service, JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                    JsonNode param = resolve(doc, p);
                    params.add(new Param(param.path("name").asText(), param.path("in").asText(),
                            resolve(doc, param.path("schema")), param.path("required").asBoolean(false)));
                }
                JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
                ops.add(new Operation(service, method.toUpperCase(), path.getKey(), params,
                        body.isMissingNode() ? null : inline(doc, body, 0)));
            }
        }
        return ops;
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    private static JsonNode resolve(JsonNode doc, JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            JsonNode target = doc;
            for (String part : ref.substring(2).split("/")) {
                target = target.path(part);
            }
            current = target;
        }
        return current;
    }

    /** The schema with every $ref (and allOf of one) replaced by its target, to a bounded depth. */
    static JsonNode inline(JsonNode doc, JsonNode schema, int depth) {
        JsonNode resolved = resolve(doc, schema);
        if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
            resolved = resolve(doc, resolved.get("allOf").get(0));
        }
        if (!resolved.isObject() || depth > 6) {
            return resolved;
        }
        ObjectNode copy = ((ObjectNode) resolved).deepCopy();
        if (copy.has("properties")) {
            ObjectNode props = new ObjectMapper().createObjectNode();
            copy.get("properties").fields().forEachRemaining(f -> props.set(f.getKey(), inline(doc, f.getValue(),
                    depth + 1)));
            copy.set("properties", props);
        }
        if (copy.has("items")) {
            copy.set("items", inline(doc, copy.get("items"), depth + 1));
        }
        if (copy.has("additionalProperties") && copy.get("additionalProperties").isObject()) {
            copy.set("additionalProperties", inline(doc, copy.get("additionalProperties"), depth + 1));
        }
        return copy;
    }
}
