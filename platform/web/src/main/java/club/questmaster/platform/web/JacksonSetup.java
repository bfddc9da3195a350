package club.questmaster.platform.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
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
 */
@Singleton
public class JacksonSetup implements ObjectMapperCustomizer {

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
        mapper.registerModule(module);
        strictScalars(mapper);
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
