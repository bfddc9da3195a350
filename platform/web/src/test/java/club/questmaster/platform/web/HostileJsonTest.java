package club.questmaster.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The parse-time rules of {@link JacksonSetup} for hostile input (contract §6), without a running service. */
class HostileJsonTest {

    record Inner(String label, List<Inner> children) {
    }

    record Login(@jakarta.validation.constraints.NotNull String username, String password) {
    }

    record Body(String name, Integer count, List<String> tags, Map<String, Integer> scores, Inner inner) {
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new JacksonSetup(new CommunityTime(() -> ZoneId.of("Europe/Paris"))).customize(mapper);
        return mapper;
    }

    private static String refusedField(String json, Class<?> type) {
        // As the REST layer reads a body: a reader over the request's bytes.
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper().readerFor(type)
                .readValue(new java.io.ByteArrayInputStream(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        ApiException api = assertInstanceOf(ApiException.class, e.getCause());
        assertEquals(TextRules.NUL_MESSAGE, api.errors().get(0).message());
        return api.errors().get(0).field();
    }

    @Test
    void aNulCharacterAnywhereIsRefusedNamingItsField() {
        assertEquals("name", refusedField("{\"name\":\"a\\u0000b\"}", Body.class));
        assertEquals("username", refusedField("{\"username\":\"ad\\u0000min\",\"password\":\"x\"}", Login.class));
        assertEquals("tags[1]", refusedField("{\"tags\":[\"ok\",\"\\u0000\"]}", Body.class));
        assertEquals("inner.children[0].label",
                refusedField("{\"inner\":{\"children\":[{\"label\":\"x\\u0000\"}]}}", Body.class));
        assertEquals("scores", refusedField("{\"scores\":{\"k\\u0000\":1}}", Body.class));
        assertEquals("inner.label", refusedField("{\"inner\":{\"label\":\"\\u0000\"}}", ObjectNode.class));
    }

    @Test
    void textWithoutNulIsReadAsSent() throws Exception {
        Body body = mapper().readValue("{\"name\":\"café \\u00e9\",\"tags\":[\"a\"],\"scores\":{\"k\":1}}", Body.class);
        assertEquals("café é", body.name());
        assertEquals(Map.of("k", 1), body.scores());
    }

    @Test
    void nestingDeeperThan32IsRefused() throws Exception {
        String ok = "[".repeat(JacksonSetup.MAX_NESTING) + "]".repeat(JacksonSetup.MAX_NESTING);
        mapper().readTree(ok);
        String deep = "[".repeat(JacksonSetup.MAX_NESTING + 1) + "]".repeat(JacksonSetup.MAX_NESTING + 1);
        JsonProcessingException e = assertThrows(JsonProcessingException.class, () -> mapper().readTree(deep));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertInstanceOf(StreamConstraintsException.class, root);
    }
}
