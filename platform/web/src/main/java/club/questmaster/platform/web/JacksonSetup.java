package club.questmaster.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The suite's JSON rules beyond the shared config: date-times follow {@link CommunityTime} (offset optional on the
 * way in, always present on the way out), and scalars must have their declared type ({@code {"username": 123}} or
 * {@code {"party_size": "4"}} is a 400, never silently converted, which Jackson does by default).
 *
 * <p>Hostile input (contract §6) is refused while parsing, so it never reaches a service or the database: text with
 * a character PostgreSQL cannot store ({@link TextRules}) in any string or object key at any depth, and nesting
 * deeper than {@link #MAX_NESTING}. Each becomes a 400 naming the field. (An explicit {@code null} for a required
 * field is refused by Bean Validation: request records use boxed types with {@code @NotNull}, never primitives,
 * which Jackson would silently read as 0 or false.)
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

    /** Objects and arrays nested deeper than this are a 400 (contract §6). */
    public static final int MAX_NESTING = 32;

    private final CommunityTime time;

    public JacksonSetup(CommunityTime time) {
        this.time = time;
    }

    /**
     * Last: Quarkus registers its own Java-time module through a customizer too, and with Jackson the module
     * registered last wins for a type.
     */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("questmaster-time");
        module.addDeserializer(OffsetDateTime.class, new JsonDeserializer<>() {
            @Override
            public OffsetDateTime deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                if (p.currentToken() != JsonToken.VALUE_STRING) {
                    return (OffsetDateTime) ctx.handleUnexpectedToken(OffsetDateTime.class, p);
                }
                try {
                    return time.parse(p.getText());
                } catch (IllegalArgumentException e) {
                    return (OffsetDateTime) ctx.handleWeirdStringValue(OffsetDateTime.class, p.getText(),
                            "expected an ISO-8601 date-time");
                }
            }
        });
        module.addSerializer(OffsetDateTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(OffsetDateTime value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.local(value)));
            }
        });
        storableText(module);
        mapper.registerModule(module);
        strictScalars(mapper);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING).build());
    }

    /** Every string value and object key of a request body, at any depth, must be storable by PostgreSQL. */
    private static void storableText(SimpleModule module) {
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                return storable(p, super.deserialize(p, ctx));
            }
        });
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctx) throws IOException {
                String refusal = TextRules.refusal(key);
                if (refusal != null) {
                    // The key itself cannot be printed: name the object holding it.
                    JsonStreamContext object = ctx.getParser().getParsingContext();
                    throw refused(ctx.getParser(), fieldOf(object.inObject() ? object.getParent() : object), refusal);
                }
                return key;
            }
        });
        // Trees (PATCH bodies) hold their strings without the String deserializer: walk them once.
        module.addDeserializer(ObjectNode.class, new JsonDeserializer<>() {
            @Override
            public ObjectNode deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
                JsonNode tree = ctx.readTree(p);
                if (!tree.isObject()) {
                    return (ObjectNode) ctx.handleUnexpectedToken(ObjectNode.class, p);
                }
                String where = refusedIn(tree, "");
                if (where != null) {
                    throw JsonMappingException.from(p, "Field '" + where + "' is invalid",
                            ApiException.invalid(where, TextRules.NUL_MESSAGE));
                }
                return (ObjectNode) tree;
            }
        });
    }

    private static String storable(JsonParser p, String text) throws JsonMappingException {
        String refusal = TextRules.refusal(text);
        if (refusal != null) {
            throw refused(p, fieldOf(p.getParsingContext()), refusal);
        }
        return text;
    }

    /** Carries the 400 naming the field; ProblemMappers answers with it however Jackson wraps the exception. */
    private static JsonMappingException refused(JsonParser p, String field, String refusal) {
        return JsonMappingException.from(p, "Field '" + field + "' " + refusal,
                field.isEmpty() ? new ApiException(ErrorCode.VALIDATION_ERROR, refusal)
                        : ApiException.invalid(field, refusal));
    }

    /** The JSON field the parser stands on, as clients name it: {@code inner.children[0].label}. */
    static String fieldOf(JsonStreamContext context) {
        java.util.Deque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push("." + c.getCurrentName());
            }
        }
        String field = String.join("", parts);
        return field.startsWith(".") ? field.substring(1) : field;
    }

    /** The dotted path of the first refused string or key in a tree, or null. */
    static String refusedIn(JsonNode node, String path) {
        if (node.isTextual()) {
            return TextRules.refusal(node.textValue()) == null ? null : path;
        }
        if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (TextRules.refusal(field.getKey()) != null) {
                    return path.isEmpty() ? "(key)" : path;
                }
                String found = refusedIn(field.getValue(), child);
                if (found != null) {
                    return found;
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = refusedIn(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void strictScalars(ObjectMapper mapper) {
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
    }
}
