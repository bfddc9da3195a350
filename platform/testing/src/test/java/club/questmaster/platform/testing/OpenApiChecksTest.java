package club.questmaster.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiChecksTest {

    private static List<String> problems(String paths) throws Exception {
        return OpenApiChecks.problems(new ObjectMapper().readTree("{\"openapi\":\"3.1.0\",\"paths\":" + paths + "}"));
    }

    private static final String COMPLETE = """
            {"operationId":"getGame","summary":"A game","security":[{},{"SecurityScheme":[]}],
             "responses":{"200":{"content":{"application/json":{"schema":{"type":"object"}}}},
                          "404":{"content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}
            """;

    @Test
    void aCompleteOperationPasses() throws Exception {
        assertEquals(List.of(), problems("{\"/games/{slug}\":{\"get\":" + COMPLETE + "}}"));
    }

    @Test
    void aBareOperationIsReportedForEachMissingThing() throws Exception {
        assertEquals(List.of("GET /games: no operationId", "GET /games: no summary",
                        "GET /games: no security requirement", "GET /games: no 2xx answer with a schema (nor a 204)",
                        "GET /games: no 4xx answer"),
                problems("{\"/games\":{\"get\":{\"responses\":{\"200\":{\"description\":\"OK\"}}}}}"));
    }

    @Test
    void aPlainJsonErrorAndADuplicateOperationIdAreReported() throws Exception {
        String plainError = COMPLETE.replace("application/problem+json", "application/json");
        assertEquals(List.of("DELETE /games/{slug}: operationId getGame also used by GET /games/{slug}",
                        "DELETE /games/{slug}: 404 is not application/problem+json"),
                problems("{\"/games/{slug}\":{\"get\":" + COMPLETE + ",\"delete\":" + plainError + "}}"));
    }

    @Test
    void a204NeedsNoSchema() throws Exception {
        String ok = "\"200\":{\"content\":{\"application/json\":{\"schema\":{\"type\":\"object\"}}}}";
        String noContent = COMPLETE.replace(ok, "\"204\":{\"description\":\"Deleted\"}");
        assertEquals(List.of(), problems("{\"/games/{slug}\":{\"delete\":" + noContent + "}}"));
    }
}
