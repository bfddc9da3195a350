package club.questmaster.deploy.verify;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Fields the Kubernetes API schema does not know. fabric8's model keeps every unknown YAML field in an
 * {@code additionalProperties} map (where the API server would drop it, or reject it under strict field validation),
 * so a typo such as {@code readOnlyRootFileSystem} lands there. This walks a typed object through its schema fields
 * ({@code @JsonProperty}) and reports every unknown one by its path.
 */
public final class UnknownFields {

    private static final String MODEL_PACKAGE = "io.fabric8.kubernetes.api.model";

    private UnknownFields() {
    }

    public static List<String> of(HasMetadata object) {
        List<String> found = new ArrayList<>();
        if (!(object instanceof GenericKubernetesResource)) {
            walk(object, Manifests.describe(object), found);
        }
        return found;
    }

    private static void walk(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> walk(item, path + "[" + key + "]", found));
            return;
        }
        if (!value.getClass().getPackageName().startsWith(MODEL_PACKAGE)) {
            return;
        }
        for (Class<?> type = value.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                boolean unknownFieldsHolder = field.getName().equals("additionalProperties");
                JsonProperty schemaField = field.getAnnotation(JsonProperty.class);
                if (!unknownFieldsHolder && schemaField == null) {
                    continue;
                }
                Object fieldValue = read(field, value);
                if (unknownFieldsHolder) {
                    if (fieldValue instanceof Map<?, ?> unknown) {
                        unknown.keySet().forEach(key -> found.add(path + "." + key));
                    }
                } else {
                    String name = schemaField.value().isEmpty() ? field.getName() : schemaField.value();
                    walk(fieldValue, path + "." + name, found);
                }
            }
        }
    }

    private static Object read(Field field, Object owner) {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read " + field, e);
        }
    }
}
