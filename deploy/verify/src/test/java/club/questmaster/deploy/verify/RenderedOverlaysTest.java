package club.questmaster.deploy.verify;

import club.questmaster.devstack.SuiteServices;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders every overlay under deploy/overlays with `kubectl kustomize` (as `kubectl apply -k` would) and holds the
 * result to the Kubernetes API model and to the suite's rules.
 */
class RenderedOverlaysTest {

    /** The services and their ports, from the one list (services.conf at the repository root; api.md §1, §9). */
    private static final List<SuiteServices.Service> LIST = SuiteServices.of(deployDir().getParent());
    private static final Map<String, Integer> SERVICES = LIST.stream()
            .collect(Collectors.toMap(SuiteServices.Service::name, SuiteServices.Service::port));
    /** Services without a database (web): no database, no Kafka credentials, no KafkaUser. */
    private static final Set<String> WITHOUT_STORAGE = LIST.stream().filter(s -> s.database().isEmpty())
            .map(SuiteServices.Service::name).collect(Collectors.toSet());

    /** events.md "Topics", used when the shared contract is not beside the repository (it is in CI). */
    static final Set<String> CONTRACT_TOPICS_FALLBACK = Set.of(
            "questmaster.game-events", "questmaster.user-events", "questmaster.game-events.dlq", "questmaster.user-events.dlq",
            "questmaster.privacy-exports", "questmaster.privacy-exports.dlq");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static Optional<Path> kubectl;

    @BeforeAll
    static void findKubectl() {
        kubectl = Kustomize.kubectl();
        if (kubectl.isEmpty()) {
            System.out.println("[deploy-verify] SKIPPED: kubectl is not on the PATH, so the Kustomize overlays are NOT rendered or "
                    + "checked. Install kubectl (it embeds Kustomize) to run these checks.");
        }
    }

    static Path deployDir() {
        return Path.of(System.getProperty("questmaster.deploy.dir", "..")).toAbsolutePath().normalize();
    }

    static Stream<String> overlays() throws IOException {
        try (Stream<Path> dirs = Files.list(deployDir().resolve("overlays"))) {
            List<String> names = dirs.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString()).sorted().toList();
            return names.stream();
        }
    }

    private static Manifests rendered(String overlay) {
        Assumptions.assumeTrue(kubectl.isPresent(), "kubectl not found on the PATH: overlay " + overlay + " not rendered");
        return RENDERED.computeIfAbsent(overlay,
                name -> Manifests.parse(Kustomize.render(kubectl.get(), deployDir().resolve("overlays").resolve(name))));
    }

    private static void assertRule(String overlay, Function<Manifests, List<String>> rule) {
        List<String> violations = rule.apply(rendered(overlay));
        assertTrue(violations.isEmpty(), "overlay " + overlay + ":\n  " + String.join("\n  ", violations));
    }

    @Test
    void thereAreDevAndProdOverlays() throws IOException {
        assertTrue(overlays().collect(Collectors.toSet()).containsAll(Set.of("dev", "prod")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceIsDeployedOnItsContractPort(String overlay) {
        Manifests manifests = rendered(overlay);
        Map<String, Integer> deployed = manifests.ofType(Deployment.class).stream().collect(Collectors.toMap(
                deployment -> deployment.getMetadata().getName(),
                deployment -> {
                    Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
                    return container.getPorts().get(0).getContainerPort();
                }));
        assertEquals(SERVICES, deployed);
        manifests.ofType(io.fabric8.kubernetes.api.model.Service.class).forEach(service ->
                assertEquals(SERVICES.get(service.getMetadata().getName()), service.getSpec().getPorts().get(0).getPort(),
                        "Service " + service.getMetadata().getName()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyObjectMatchesTheKubernetesApiSchema(String overlay) {
        assertFalse(rendered(overlay).all().isEmpty());
        assertRule(overlay, DeployRules::matchesKubernetesApi);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasStartupReadinessAndLivenessProbes(String overlay) {
        assertRule(overlay, DeployRules::probesOnEveryContainer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasRequestsAndLimits(String overlay) {
        assertRule(overlay, DeployRules::requestsAndLimitsOnEveryContainer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerRunsNonRootOnAReadOnlyRootFilesystem(String overlay) {
        assertRule(overlay, DeployRules::nonRootAndReadOnlyRootFilesystem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServiceHasExactlyOneAutoscalerAndOneDisruptionBudget(String overlay) {
        assertRule(overlay, DeployRules::oneAutoscalerAndOneDisruptionBudgetPerService);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void networkPoliciesIsolateEveryService(String overlay) {
        assertRule(overlay, DeployRules::networkPoliciesIsolateEveryService);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void noSecretValueIsRendered(String overlay) {
        assertRule(overlay, DeployRules::noSecretWithData);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaTopicsAreExactlyTheContractTopicsKeptThirtyDays(String overlay) {
        assertRule(overlay, manifests -> DeployRules.kafkaTopicsMatchTheContract(manifests, contractTopics()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void credentialsPointAtDeclaredKafkaUsersAndDatabases(String overlay) {
        assertRule(overlay, manifests -> DeployRules.credentialsPointAtDeclaredUsersAndDatabases(manifests, WITHOUT_STORAGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void rolloutsKeepCapacityAndShutdownsDrainWithinTheGracePeriod(String overlay) {
        assertRule(overlay, DeployRules::rolloutsAndShutdownsDrain);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void imagesArePinnedToATag(String overlay) {
        assertRule(overlay, DeployRules::imagesArePinned);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void scrapedOverlaysAlertOnOutboxAgeConsumerLagAndDeadLetters(String overlay) {
        assertRule(overlay, DeployRules::scrapedOverlaysAlertOnEvents);
    }

    /**
     * The ACLs follow the services' own Kafka configuration (read from their application.properties and the
     * platform-security defaults), so a renamed consumer group or a new channel cannot silently lose its access.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void kafkaUsersAllowWhatEachServiceConsumesAndProduces(String overlay) {
        Path repository = deployDir().getParent();
        Map<String, List<ServiceChannels.Channel>> channels = new java.util.TreeMap<>();
        for (String service : SERVICES.keySet()) {
            if (WITHOUT_STORAGE.contains(service)) {
                continue;
            }
            Assumptions.assumeTrue(Files.isDirectory(repository.resolve(service)), service + " not in this checkout");
            channels.put(service, ServiceChannels.of(repository, service));
        }
        // Consumers that must exist whatever the services' configuration says (events.md "Consumers").
        assertTrue(channels.get("trophies-service").stream().anyMatch(c -> c.incoming() && "questmaster.game-events".equals(c.topic())));
        assertTrue(channels.get("audit-service").stream().anyMatch(c -> c.incoming() && "questmaster.game-events".equals(c.topic())));
        assertRule(overlay, manifests -> DeployRules.kafkaAclsCoverTheChannels(manifests, channels,
                Map.of("games-service", "questmaster.game-events", "users-service", "questmaster.user-events")));
    }

    /**
     * Every Secret a pod needs is either written by an operator from these manifests (a KafkaUser's Secret, the Kafka
     * cluster CA) or documented in deploy/README.md for the operator to create: docs and manifests cannot drift.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everySecretAPodNeedsIsMadeByAnOperatorOrDocumented(String overlay) throws IOException {
        Manifests manifests = rendered(overlay);
        Set<String> madeByOperators = new java.util.HashSet<>();
        manifests.custom("kafka.strimzi.io", "KafkaUser").forEach(user -> madeByOperators.add(user.getMetadata().getName()));
        manifests.custom("kafka.strimzi.io", "Kafka").forEach(kafka -> madeByOperators.add(kafka.getMetadata().getName() + "-cluster-ca-cert"));
        String readme = Files.readString(deployDir().resolve("README.md"));
        Set<String> referenced = new java.util.TreeSet<>();
        for (Deployment deployment : manifests.ofType(Deployment.class)) {
            var pod = deployment.getSpec().getTemplate().getSpec();
            pod.getContainers().forEach(container -> {
                if (container.getEnv() != null) {
                    container.getEnv().stream().filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                            .forEach(env -> referenced.add(env.getValueFrom().getSecretKeyRef().getName()));
                }
                if (container.getEnvFrom() != null) {
                    container.getEnvFrom().stream().filter(from -> from.getSecretRef() != null)
                            .forEach(from -> referenced.add(from.getSecretRef().getName()));
                }
            });
            if (pod.getVolumes() != null) {
                pod.getVolumes().stream().filter(volume -> volume.getSecret() != null)
                        .forEach(volume -> referenced.add(volume.getSecret().getSecretName()));
            }
        }
        assertFalse(referenced.isEmpty());
        List<String> undocumented = referenced.stream()
                .filter(name -> !madeByOperators.contains(name) && !readme.contains("`" + name + "`"))
                .toList();
        assertTrue(undocumented.isEmpty(), "Secrets neither made by an operator nor documented in deploy/README.md: " + undocumented);
    }

    static Set<String> contractTopics() {
        Path eventsMd = Path.of(System.getProperty("questmaster.contract.events", "../../../shared/contract/events.md"));
        if (!Files.isRegularFile(eventsMd)) {
            System.out.println("[deploy-verify] " + eventsMd + " not found: checking the KafkaTopics against the topics copied from events.md");
            return CONTRACT_TOPICS_FALLBACK;
        }
        return ContractTopics.read(eventsMd);
    }
}
