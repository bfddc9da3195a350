package club.questmaster.deploy.verify;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The suite's deployment rules, each a function from rendered objects to violations (empty = the rule holds).
 * Messages name the object and what to fix.
 */
public final class DeployRules {

    /** 30 days, events.md "Retention". */
    public static final long THIRTY_DAYS_MS = 30L * 24 * 60 * 60 * 1000;

    private DeployRules() {
    }

    /** Every built-in object matches the Kubernetes API model exactly: a known apiVersion/kind and no unknown field. */
    public static List<String> matchesKubernetesApi(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (HasMetadata object : manifests.all()) {
            if (object instanceof GenericKubernetesResource && isBuiltInApi(object.getApiVersion())) {
                violations.add(Manifests.describe(object) + ": " + object.getApiVersion() + " " + object.getKind()
                        + " is not a Kubernetes API type (wrong apiVersion or kind?)");
            }
            UnknownFields.of(object).forEach(path -> violations.add(path + ": unknown field (not in the Kubernetes API schema)"));
            if (object.getMetadata() == null || object.getMetadata().getName() == null || object.getMetadata().getName().isBlank()) {
                violations.add(object.getKind() + " without metadata.name");
            }
        }
        return violations;
    }

    /** Built-in groups: the core group ("v1"), dot-less groups (apps, batch, policy, autoscaling) and *.k8s.io. */
    static boolean isBuiltInApi(String apiVersion) {
        if (apiVersion == null || !apiVersion.contains("/")) {
            return true;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return !group.contains(".") || group.endsWith(".k8s.io");
    }

    public static List<String> probesOnEveryContainer(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            // Init containers run to completion and take no probes; every long-running container needs all three.
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                String where = Manifests.describe(deployment) + " container " + container.getName();
                checkProbe(where, "startupProbe", container.getStartupProbe(), "/q/health/started", violations);
                checkProbe(where, "readinessProbe", container.getReadinessProbe(), "/q/health/ready", violations);
                checkProbe(where, "livenessProbe", container.getLivenessProbe(), "/q/health/live", violations);
            }
        }
        return violations;
    }

    private static void checkProbe(String where, String name, Probe probe, String path, List<String> violations) {
        if (probe == null) {
            violations.add(where + ": no " + name);
        } else if (probe.getHttpGet() == null || !path.equals(probe.getHttpGet().getPath())) {
            violations.add(where + ": " + name + " must be an HTTP GET on " + path);
        }
    }

    public static List<String> requestsAndLimitsOnEveryContainer(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String where = Manifests.describe(deployment) + " container " + container.getName();
                ResourceRequirements resources = container.getResources();
                for (String resource : List.of("cpu", "memory")) {
                    if (resources == null || resources.getRequests() == null || !resources.getRequests().containsKey(resource)) {
                        violations.add(where + ": no " + resource + " request");
                    }
                    if (resources == null || resources.getLimits() == null || !resources.getLimits().containsKey(resource)) {
                        violations.add(where + ": no " + resource + " limit");
                    }
                }
            }
        }
        return violations;
    }

    /** Non-root, no privilege escalation, read-only root filesystem with a writable emptyDir /tmp. */
    public static List<String> nonRootAndReadOnlyRootFilesystem(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podSecurity = pod.getSecurityContext();
            boolean podNonRoot = podSecurity != null && Boolean.TRUE.equals(podSecurity.getRunAsNonRoot());
            for (Container container : containers(deployment)) {
                String where = Manifests.describe(deployment) + " container " + container.getName();
                SecurityContext security = container.getSecurityContext();
                if (!podNonRoot && (security == null || !Boolean.TRUE.equals(security.getRunAsNonRoot()))) {
                    violations.add(where + ": runAsNonRoot is not true (pod or container securityContext)");
                }
                if (security == null || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                    violations.add(where + ": readOnlyRootFilesystem is not true");
                }
                if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                    violations.add(where + ": allowPrivilegeEscalation is not false");
                }
                boolean writableTmp = container.getVolumeMounts() != null && container.getVolumeMounts().stream()
                        .anyMatch(mount -> "/tmp".equals(mount.getMountPath()) && isEmptyDir(pod, mount.getName()));
                if (!writableTmp) {
                    violations.add(where + ": no emptyDir mounted at /tmp (Vert.x and the JVM need one with a read-only root)");
                }
            }
        }
        return violations;
    }

    private static boolean isEmptyDir(PodSpec pod, String volumeName) {
        return pod.getVolumes() != null && pod.getVolumes().stream()
                .anyMatch(volume -> volume.getName().equals(volumeName) && volume.getEmptyDir() != null);
    }

    /** Exactly one CPU HorizontalPodAutoscaler and one PodDisruptionBudget per Deployment. */
    public static List<String> oneAutoscalerAndOneDisruptionBudgetPerService(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<HorizontalPodAutoscaler> autoscalers = manifests.ofType(HorizontalPodAutoscaler.class);
        List<PodDisruptionBudget> budgets = manifests.ofType(PodDisruptionBudget.class);
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            List<HorizontalPodAutoscaler> mine = autoscalers.stream()
                    .filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind())
                            && name.equals(hpa.getSpec().getScaleTargetRef().getName()))
                    .toList();
            if (mine.size() != 1) {
                violations.add(Manifests.describe(deployment) + ": " + mine.size() + " HorizontalPodAutoscalers target it (want exactly 1)");
            }
            for (HorizontalPodAutoscaler hpa : mine) {
                boolean onCpu = hpa.getSpec().getMetrics() != null && hpa.getSpec().getMetrics().stream()
                        .anyMatch(metric -> metric.getResource() != null && "cpu".equals(metric.getResource().getName()));
                if (!onCpu) {
                    violations.add(Manifests.describe(hpa) + ": does not scale on CPU");
                }
                Integer min = hpa.getSpec().getMinReplicas();
                if (min == null || min < 1 || min > hpa.getSpec().getMaxReplicas()) {
                    violations.add(Manifests.describe(hpa) + ": minReplicas " + min + " must be within 1.." + hpa.getSpec().getMaxReplicas());
                }
            }
            if (deployment.getSpec().getReplicas() != null && !mine.isEmpty()) {
                violations.add(Manifests.describe(deployment) + ": sets spec.replicas although an autoscaler owns the count");
            }
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            long matchingBudgets = budgets.stream().filter(pdb -> selects(pdb.getSpec().getSelector(), podLabels)).count();
            if (matchingBudgets != 1) {
                violations.add(Manifests.describe(deployment) + ": " + matchingBudgets + " PodDisruptionBudgets select its pods (want exactly 1)");
            }
        }
        return violations;
    }

    /**
     * Every service's pods are isolated by a NetworkPolicy for both directions, which lets DNS out; and every
     * Deployment is covered (a pod no policy selects would talk to anything).
     */
    public static List<String> networkPoliciesIsolateEveryService(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        List<NetworkPolicy> policies = manifests.ofType(NetworkPolicy.class);
        if (policies.isEmpty()) {
            violations.add("no NetworkPolicy at all");
        }
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> mine = policies.stream().filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels)).toList();
            Set<String> types = mine.stream().flatMap(policy -> policy.getSpec().getPolicyTypes().stream()).collect(Collectors.toSet());
            if (!types.containsAll(Set.of("Ingress", "Egress"))) {
                violations.add(Manifests.describe(deployment) + ": not isolated for " + (types.isEmpty() ? "Ingress and Egress" : "both directions (has " + types + ")"));
            }
            boolean dns = mine.stream().flatMap(policy -> policy.getSpec().getEgress().stream())
                    .map(NetworkPolicyEgressRule::getPorts).filter(Objects::nonNull).flatMap(List::stream)
                    .map(NetworkPolicyPort::getPort).filter(Objects::nonNull)
                    .anyMatch(port -> Integer.valueOf(53).equals(port.getIntVal()));
            if (!mine.isEmpty() && !dns) {
                violations.add(Manifests.describe(deployment) + ": its NetworkPolicy lets no DNS (port 53) out");
            }
        }
        return violations;
    }

    /** No Secret with a value is ever rendered: operators create Secrets; manifests only reference them. */
    public static List<String> noSecretWithData(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Secret secret : manifests.ofType(Secret.class)) {
            boolean data = secret.getData() != null && !secret.getData().isEmpty();
            boolean stringData = secret.getStringData() != null && !secret.getStringData().isEmpty();
            if (data || stringData) {
                violations.add(Manifests.describe(secret) + ": carries values; create it out of band (deploy/README.md, Secrets) and reference it");
            }
        }
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            for (Container container : containers(deployment)) {
                for (EnvVar env : container.getEnv() == null ? List.<EnvVar>of() : container.getEnv()) {
                    if (looksSecret(env.getName()) && env.getValue() != null && !env.getValue().isEmpty()) {
                        violations.add(Manifests.describe(deployment) + ": " + env.getName() + " has a literal value; use a secretKeyRef");
                    }
                }
            }
        }
        return violations;
    }

    static boolean looksSecret(String envName) {
        String name = envName.toUpperCase();
        return name.contains("PASSWORD") || name.contains("JAAS") || name.contains("TOKEN") || name.contains("SECRET");
    }

    /** The KafkaTopics are exactly the contract's topics, each kept 30 days and deleted (not compacted). */
    public static List<String> kafkaTopicsMatchTheContract(Manifests manifests, Set<String> contractTopics) {
        List<String> violations = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        for (GenericKubernetesResource topic : manifests.custom("kafka.strimzi.io", "KafkaTopic")) {
            Map<String, Object> spec = map(topic.getAdditionalProperties().get("spec"));
            String name = spec.get("topicName") != null ? spec.get("topicName").toString() : topic.getMetadata().getName();
            if (!declared.add(name)) {
                violations.add("KafkaTopic " + name + " declared twice");
            }
            Map<String, Object> config = map(spec.get("config"));
            Object retention = config.get("retention.ms");
            if (retention == null || !Long.valueOf(THIRTY_DAYS_MS).toString().equals(retention.toString())) {
                violations.add("KafkaTopic " + name + ": retention.ms is " + retention + ", the contract says 30 days (" + THIRTY_DAYS_MS + ")");
            }
            if (!"delete".equals(config.get("cleanup.policy"))) {
                violations.add("KafkaTopic " + name + ": cleanup.policy is " + config.get("cleanup.policy") + ", want delete (compaction off)");
            }
            if (!(spec.get("partitions") instanceof Number partitions) || partitions.intValue() < 1) {
                violations.add("KafkaTopic " + name + ": no partition count");
            }
            if (topic.getMetadata().getLabels() == null || topic.getMetadata().getLabels().get("strimzi.io/cluster") == null) {
                violations.add("KafkaTopic " + name + ": no strimzi.io/cluster label (the Topic Operator would ignore it)");
            }
        }
        if (!declared.equals(new TreeSet<>(contractTopics))) {
            Set<String> missing = new TreeSet<>(contractTopics);
            missing.removeAll(declared);
            Set<String> extra = new TreeSet<>(declared);
            extra.removeAll(contractTopics);
            violations.add("KafkaTopics differ from the contract: missing " + missing + ", not in the contract " + extra);
        }
        return violations;
    }

    /**
     * Each service's credentials point at something the manifests create: its KafkaUser (whose Secret Strimzi writes)
     * and its PostgreSQL role + database on the CloudNativePG cluster.
     */
    public static List<String> credentialsPointAtDeclaredUsersAndDatabases(Manifests manifests) {
        return credentialsPointAtDeclaredUsersAndDatabases(manifests, Set.of());
    }

    /**
     * As above; {@code withoutStorage} names the Deployments that hold no database and no Kafka (services.conf lists
     * them with database "-", e.g. web): they must then carry neither credential.
     */
    public static List<String> credentialsPointAtDeclaredUsersAndDatabases(Manifests manifests, Set<String> withoutStorage) {
        List<String> violations = new ArrayList<>();
        Set<String> kafkaUsers = manifests.custom("kafka.strimzi.io", "KafkaUser").stream()
                .map(user -> user.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> roles = new HashSet<>();
        Set<String> databases = new HashSet<>();
        Map<String, String> roleSecrets = new java.util.HashMap<>();
        for (GenericKubernetesResource cluster : manifests.custom("postgresql.cnpg.io", "Cluster")) {
            Map<String, Object> spec = map(cluster.getAdditionalProperties().get("spec"));
            Map<String, Object> initdb = map(map(spec.get("bootstrap")).get("initdb"));
            if (initdb.get("owner") != null) {
                roles.add(initdb.get("owner").toString());
                databases.add(String.valueOf(initdb.get("database")));
                roleSecrets.put(initdb.get("owner").toString(), String.valueOf(map(initdb.get("secret")).get("name")));
            }
            for (Object role : list(map(spec.get("managed")).get("roles"))) {
                Map<String, Object> r = map(role);
                roles.add(String.valueOf(r.get("name")));
                roleSecrets.put(String.valueOf(r.get("name")), String.valueOf(map(r.get("passwordSecret")).get("name")));
            }
        }
        for (GenericKubernetesResource database : manifests.custom("postgresql.cnpg.io", "Database")) {
            databases.add(String.valueOf(map(database.getAdditionalProperties().get("spec")).get("name")));
        }
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String where = Manifests.describe(deployment);
                if (withoutStorage.contains(deployment.getMetadata().getName())) {
                    if (secretOf(container, "KAFKA_SASL_JAAS_CONFIG") != null || secretOf(container, "QUARKUS_DATASOURCE_PASSWORD") != null) {
                        violations.add(where + ": listed without a database, yet given database or Kafka credentials");
                    }
                    continue;
                }
                String kafkaSecret = secretOf(container, "KAFKA_SASL_JAAS_CONFIG");
                if (kafkaSecret == null || !kafkaUsers.contains(kafkaSecret)) {
                    violations.add(where + ": KAFKA_SASL_JAAS_CONFIG comes from Secret " + kafkaSecret + ", which no KafkaUser creates");
                }
                String dbSecret = secretOf(container, "QUARKUS_DATASOURCE_PASSWORD");
                if (dbSecret == null || !roleSecrets.containsValue(dbSecret)) {
                    violations.add(where + ": QUARKUS_DATASOURCE_PASSWORD comes from Secret " + dbSecret + ", which is no role's password Secret");
                } else if (!Objects.equals(dbSecret, secretOf(container, "QUARKUS_DATASOURCE_USERNAME"))) {
                    violations.add(where + ": database username and password come from different Secrets");
                }
                roleSecrets.entrySet().stream().filter(e -> e.getValue().equals(dbSecret)).map(Map.Entry::getKey)
                        .filter(role -> !databases.contains(role))
                        .forEach(role -> violations.add(where + ": no database named after its role " + role));
            }
        }
        if (roles.isEmpty() && !manifests.ofType(Deployment.class).isEmpty()) {
            violations.add("no CloudNativePG Cluster with roles");
        }
        return violations;
    }

    /**
     * Rollouts never lower capacity (maxUnavailable 0) and a stopping pod has time to drain: the preStop pause plus
     * QUARKUS_SHUTDOWN_TIMEOUT (from the container's env or its ConfigMap) fit in terminationGracePeriodSeconds.
     */
    public static List<String> rolloutsAndShutdownsDrain(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        Map<String, Map<String, String>> configMaps = manifests.ofType(ConfigMap.class).stream()
                .collect(Collectors.toMap(cm -> cm.getMetadata().getName(), cm -> cm.getData() == null ? Map.of() : cm.getData()));
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            String where = Manifests.describe(deployment);
            DeploymentStrategy strategy = deployment.getSpec().getStrategy();
            IntOrString maxUnavailable = strategy == null || strategy.getRollingUpdate() == null ? null : strategy.getRollingUpdate().getMaxUnavailable();
            boolean zero = maxUnavailable != null && (Integer.valueOf(0).equals(maxUnavailable.getIntVal()) || "0%".equals(maxUnavailable.getStrVal()));
            if (!zero) {
                violations.add(where + ": rolling update must keep maxUnavailable 0 (new pod ready before an old one stops)");
            }
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
            for (Container container : pod.getContainers()) {
                String timeout = env(container, "QUARKUS_SHUTDOWN_TIMEOUT", configMaps);
                if (timeout == null) {
                    violations.add(where + ": no QUARKUS_SHUTDOWN_TIMEOUT (Quarkus would stop without draining)");
                    continue;
                }
                long shutdown = Duration.parse("PT" + timeout.toUpperCase()).toSeconds();
                long preStop = container.getLifecycle() != null && container.getLifecycle().getPreStop() != null
                        && container.getLifecycle().getPreStop().getSleep() != null
                        ? container.getLifecycle().getPreStop().getSleep().getSeconds() : 0;
                if (preStop + shutdown >= grace) {
                    violations.add(where + ": preStop " + preStop + " s + shutdown " + shutdown + " s do not fit in the grace period of " + grace + " s");
                }
            }
        }
        return violations;
    }

    private static String env(Container container, String name, Map<String, Map<String, String>> configMaps) {
        if (container.getEnv() != null) {
            for (EnvVar env : container.getEnv()) {
                if (name.equals(env.getName()) && env.getValue() != null) {
                    return env.getValue();
                }
            }
        }
        if (container.getEnvFrom() != null) {
            for (EnvFromSource from : container.getEnvFrom()) {
                if (from.getConfigMapRef() != null) {
                    String value = configMaps.getOrDefault(from.getConfigMapRef().getName(), Map.of()).get(name);
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        return null;
    }

    /**
     * Each service's KafkaUser allows what its declared channels do: Read (and Describe) on an incoming topic, Read on
     * the consumer group (literal or prefix ACL), Write on the dead-letter topic, Write on an outgoing topic; the
     * outbox relays' topics (not channels) are given as extra writes.
     */
    public static List<String> kafkaAclsCoverTheChannels(Manifests manifests, Map<String, List<ServiceChannels.Channel>> channelsByService,
            Map<String, String> relayTopicByService) {
        List<String> violations = new ArrayList<>();
        Map<String, List<Map<String, Object>>> aclsByUser = new java.util.HashMap<>();
        for (GenericKubernetesResource user : manifests.custom("kafka.strimzi.io", "KafkaUser")) {
            List<Map<String, Object>> acls = new ArrayList<>();
            list(map(map(user.getAdditionalProperties().get("spec")).get("authorization")).get("acls")).forEach(acl -> acls.add(map(acl)));
            aclsByUser.put(user.getMetadata().getName(), acls);
        }
        for (var entry : channelsByService.entrySet()) {
            String service = entry.getKey();
            List<Map<String, Object>> acls = aclsByUser.get(service);
            if (acls == null) {
                violations.add("no KafkaUser " + service);
                continue;
            }
            for (ServiceChannels.Channel channel : entry.getValue()) {
                String where = service + " channel " + channel.name();
                if (channel.incoming()) {
                    requireAcl(acls, "topic", channel.topic(), "Read", where, violations);
                    requireAcl(acls, "topic", channel.topic(), "Describe", where, violations);
                    if (channel.groupId() == null) {
                        violations.add(where + ": no group.id (a consumer group per service is what makes replicas share partitions)");
                    } else {
                        requireAcl(acls, "group", channel.groupId(), "Read", where, violations);
                    }
                    if (channel.deadLetterTopic() != null) {
                        requireAcl(acls, "topic", channel.deadLetterTopic(), "Write", where, violations);
                    }
                } else {
                    requireAcl(acls, "topic", channel.topic(), "Write", where, violations);
                }
            }
            String relayTopic = relayTopicByService.get(service);
            if (relayTopic != null) {
                requireAcl(acls, "topic", relayTopic, "Write", service + " outbox relay", violations);
            }
        }
        return violations;
    }

    private static void requireAcl(List<Map<String, Object>> acls, String type, String name, String operation, String where,
            List<String> violations) {
        boolean allowed = acls.stream().anyMatch(acl -> {
            Map<String, Object> resource = map(acl.get("resource"));
            String aclName = String.valueOf(resource.get("name"));
            boolean matches = "prefix".equals(resource.get("patternType")) ? name.startsWith(aclName) : name.equals(aclName);
            List<?> operations = acl.get("operations") != null ? list(acl.get("operations")) : List.of(String.valueOf(acl.get("operation")));
            return type.equals(resource.get("type")) && matches && (operations.contains(operation) || operations.contains("All"));
        });
        if (!allowed) {
            violations.add(where + ": its KafkaUser does not allow " + operation + " on " + type + " " + name);
        }
    }

    /** What the event alerts must watch (docs/consumers.md "Metrics and alerts", contract §6 "Events", "Readiness"). */
    static final List<String> EVENT_ALERT_METRICS = List.of("questmaster_outbox_oldest_age_seconds",
            "questmaster_outbox_parked", "questmaster_consumer_lag", "questmaster_consumer_dead_lettered_total");

    /**
     * An overlay that is scraped (a ServiceMonitor) also alerts on the events: outbox age, parked outbox rows, consumer
     * lag and dead-letter growth, each rule with a severity and a summary.
     */
    @SuppressWarnings("unchecked")
    public static List<String> scrapedOverlaysAlertOnEvents(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        if (manifests.custom("monitoring.coreos.com", "ServiceMonitor").isEmpty()) {
            return violations;
        }
        List<String> expressions = new ArrayList<>();
        for (GenericKubernetesResource rule : manifests.custom("monitoring.coreos.com", "PrometheusRule")) {
            Map<String, Object> spec = (Map<String, Object>) rule.getAdditionalProperties().get("spec");
            List<Map<String, Object>> groups = spec == null ? List.of()
                    : (List<Map<String, Object>>) spec.getOrDefault("groups", List.of());
            for (Map<String, Object> group : groups) {
                for (Map<String, Object> alert : (List<Map<String, Object>>) group.getOrDefault("rules", List.of())) {
                    String name = Manifests.describe(rule) + " alert " + alert.get("alert");
                    expressions.add(String.valueOf(alert.get("expr")));
                    Map<String, Object> labels = (Map<String, Object>) alert.get("labels");
                    Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
                    if (labels == null || labels.get("severity") == null) {
                        violations.add(name + ": no severity label");
                    }
                    if (annotations == null || annotations.get("summary") == null) {
                        violations.add(name + ": no summary annotation");
                    }
                }
            }
        }
        for (String metric : EVENT_ALERT_METRICS) {
            if (expressions.stream().noneMatch(expr -> expr.matches("(?s).*\\b" + metric + "\\b.*"))) {
                violations.add("no PrometheusRule alert on " + metric);
            }
        }
        return violations;
    }

    /** Overlays must name a real tag: `latest` (or no tag) makes a rollout unrepeatable. */
    public static List<String> imagesArePinned(Manifests manifests) {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            for (Container container : containers(deployment)) {
                String image = container.getImage();
                String afterRegistry = image == null ? "" : image.substring(image.lastIndexOf('/') + 1);
                if (image == null || image.endsWith(":latest") || !(afterRegistry.contains(":") || image.contains("@sha256:"))) {
                    violations.add(Manifests.describe(deployment) + ": image " + image + " is not pinned to a tag or digest");
                }
            }
        }
        return violations;
    }

    private static String secretOf(Container container, String envName) {
        return container.getEnv() == null ? null : container.getEnv().stream()
                .filter(env -> envName.equals(env.getName()) && env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                .map(env -> env.getValueFrom().getSecretKeyRef().getName())
                .findFirst().orElse(null);
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || labels == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not used in this suite's selectors: " + selector);
        }
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static List<Container> containers(Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        List<Container> all = new ArrayList<>(pod.getContainers());
        if (pod.getInitContainers() != null) {
            all.addAll(pod.getInitContainers());
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

}
