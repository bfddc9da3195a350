package club.questmaster.platform.web;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.OffsetDateTime;

/** Query and path parameters of type {@link OffsetDateTime} read like JSON ones; a bad value is a 400. */
@Provider
public class TimeParamConverters implements ParamConverterProvider {

    private final CommunityTime time;

    public TimeParamConverters(CommunityTime time) {
        this.time = time;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != OffsetDateTime.class) {
            return null;
        }
        return (ParamConverter<T>) new ParamConverter<OffsetDateTime>() {
            @Override
            public OffsetDateTime fromString(String value) {
                if (value == null || value.isBlank()) {
                    return null;
                }
                try {
                    return time.parse(value);
                } catch (IllegalArgumentException e) {
                    throw new ApiException(ErrorCode.VALIDATION_ERROR, e.getMessage());
                }
            }

            @Override
            public String toString(OffsetDateTime value) {
                return value.toString();
            }
        };
    }
}
