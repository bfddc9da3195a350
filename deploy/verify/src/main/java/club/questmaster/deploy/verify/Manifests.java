package club.questmaster.deploy.verify;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rendered set of Kubernetes objects, deserialized into fabric8's typed API model (what the API server's schema
 * knows) or, for custom resources (Strimzi, CloudNativePG, Prometheus Operator), into generic objects.
 */
public final class Manifests {

    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private final List<HasMetadata> objects;

    private Manifests(List<HasMetadata> objects) {
        this.objects = List.copyOf(objects);
    }

    public static Manifests parse(String multiDocumentYaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(multiDocumentYaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (!(parsed instanceof HasMetadata object)) {
                throw new IllegalArgumentException("Not a Kubernetes object: " + document.lines().limit(3).collect(Collectors.joining(" | ")));
            }
            objects.add(object);
        }
        return new Manifests(objects);
    }

    public List<HasMetadata> all() {
        return objects;
    }

    public <T extends HasMetadata> List<T> ofType(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Custom resources of one kind, e.g. ("kafka.strimzi.io", "KafkaTopic"). */
    public List<GenericKubernetesResource> custom(String group, String kind) {
        return ofType(GenericKubernetesResource.class).stream()
                .filter(r -> kind.equals(r.getKind()) && r.getApiVersion() != null && r.getApiVersion().startsWith(group + "/"))
                .toList();
    }

    public static String describe(HasMetadata object) {
        return object.getKind() + "/" + object.getMetadata().getName();
    }
}
