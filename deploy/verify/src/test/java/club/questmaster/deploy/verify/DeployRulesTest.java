package club.questmaster.deploy.verify;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each rule catches what it is for: a rule that passes everything would prove nothing about the overlays. */
class DeployRulesTest {

    private static final String GOOD_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo-service
            spec:
              selector:
                matchLabels: {app.kubernetes.io/name: demo-service}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: demo-service}
                spec:
                  securityContext: {runAsNonRoot: true}
                  containers:
                    - name: demo-service
                      image: registry.example/questmaster/demo-service:1.0.0
                      ports: [{name: http, containerPort: 8080}]
                      startupProbe: {httpGet: {path: /q/health/started, port: http}}
                      readinessProbe: {httpGet: {path: /q/health/ready, port: http}}
                      livenessProbe: {httpGet: {path: /q/health/live, port: http}}
                      resources:
                        requests: {cpu: 100m, memory: 256Mi}
                        limits: {cpu: "1", memory: 512Mi}
                      securityContext: {readOnlyRootFilesystem: true, allowPrivilegeEscalation: false}
                      volumeMounts: [{name: tmp, mountPath: /tmp}]
                  volumes: [{name: tmp, emptyDir: {}}]
            """;

    private static final String HPA_AND_PDB = """
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: demo-service}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: demo-service}
              minReplicas: 1
              maxReplicas: 3
              metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 70}}}]
            ---
            apiVersion: policy/v1
            kind: PodDisruptionBudget
            metadata: {name: demo-service}
            spec:
              maxUnavailable: 1
              selector: {matchLabels: {app.kubernetes.io/name: demo-service}}
            """;

    @Test
    void aCompliantServicePassesEveryRule() {
        Manifests manifests = Manifests.parse(GOOD_DEPLOYMENT + HPA_AND_PDB);
        assertEquals(List.of(), DeployRules.matchesKubernetesApi(manifests));
        assertEquals(List.of(), DeployRules.probesOnEveryContainer(manifests));
        assertEquals(List.of(), DeployRules.requestsAndLimitsOnEveryContainer(manifests));
        assertEquals(List.of(), DeployRules.nonRootAndReadOnlyRootFilesystem(manifests));
        assertEquals(List.of(), DeployRules.oneAutoscalerAndOneDisruptionBudgetPerService(manifests));
        assertEquals(List.of(), DeployRules.imagesArePinned(manifests));
    }

    @Test
    void aMisspelledFieldIsAnUnknownFieldAtItsPath() {
        Manifests manifests = Manifests.parse(GOOD_DEPLOYMENT.replace("readOnlyRootFilesystem: true", "readOnlyRootFileSystem: true"));
        List<String> violations = DeployRules.matchesKubernetesApi(manifests);
        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).startsWith("Deployment/demo-service.spec.template.spec.containers[0].securityContext.readOnlyRootFileSystem"),
                violations.get(0));
        // ... and the real field is then missing, which the security rule reports too.
        assertTrue(DeployRules.nonRootAndReadOnlyRootFilesystem(manifests).toString().contains("readOnlyRootFilesystem is not true"));
    }

    @Test
    void aWrongApiVersionForABuiltInKindIsReported() {
        Manifests manifests = Manifests.parse(HPA_AND_PDB.replace("autoscaling/v2", "autoscaling/v9"));
        assertTrue(DeployRules.matchesKubernetesApi(manifests).toString().contains("is not a Kubernetes API type"));
    }

    @Test
    void aContainerWithoutProbesIsReportedForEachProbe() {
        String noProbes = GOOD_DEPLOYMENT.lines().filter(line -> !line.contains("Probe:")).reduce("", (a, b) -> a + b + "\n");
        List<String> violations = DeployRules.probesOnEveryContainer(Manifests.parse(noProbes));
        assertEquals(3, violations.size(), violations.toString());
    }

    @Test
    void aProbeOnTheWrongPathIsReported() {
        String wrong = GOOD_DEPLOYMENT.replace("/q/health/ready", "/q/health/live");
        assertEquals(1, DeployRules.probesOnEveryContainer(Manifests.parse(wrong)).size());
    }

    @Test
    void missingLimitsAreReported() {
        String noLimits = GOOD_DEPLOYMENT.replace("limits: {cpu: \"1\", memory: 512Mi}", "limits: {cpu: \"1\"}");
        assertEquals(List.of("Deployment/demo-service container demo-service: no memory limit"),
                DeployRules.requestsAndLimitsOnEveryContainer(Manifests.parse(noLimits)));
    }

    @Test
    void rootOrAWritableRootFilesystemOrNoTmpIsReported() {
        String unsafe = GOOD_DEPLOYMENT.replace("securityContext: {runAsNonRoot: true}", "securityContext: {}")
                .replace("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")
                .replace("volumeMounts: [{name: tmp, mountPath: /tmp}]", "volumeMounts: []");
        List<String> violations = DeployRules.nonRootAndReadOnlyRootFilesystem(Manifests.parse(unsafe));
        assertEquals(3, violations.size(), violations.toString());
    }

    @Test
    void aMissingOrDuplicateAutoscalerOrBudgetIsReported() {
        assertEquals(2, DeployRules.oneAutoscalerAndOneDisruptionBudgetPerService(Manifests.parse(GOOD_DEPLOYMENT)).size());
        String twice = GOOD_DEPLOYMENT + HPA_AND_PDB + HPA_AND_PDB.replace("name: demo-service}", "name: demo-service-2}")
                .replace("kind: Deployment, name: demo-service-2}", "kind: Deployment, name: demo-service}");
        List<String> violations = DeployRules.oneAutoscalerAndOneDisruptionBudgetPerService(Manifests.parse(twice));
        assertTrue(violations.toString().contains("2 HorizontalPodAutoscalers target it"), violations.toString());
    }

    @Test
    void aServiceWithoutNetworkPolicyIsReported() {
        List<String> violations = DeployRules.networkPoliciesIsolateEveryService(Manifests.parse(GOOD_DEPLOYMENT));
        assertTrue(violations.contains("no NetworkPolicy at all"), violations.toString());
        assertTrue(violations.toString().contains("not isolated"), violations.toString());
    }

    @Test
    void aSecretWithValuesOrALiteralPasswordIsReported() {
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata: {name: questmaster-db-games}
                stringData: {password: hunter2}
                ---
                """;
        String literalPassword = GOOD_DEPLOYMENT.replace("image: registry", "env: [{name: QUARKUS_DATASOURCE_PASSWORD, value: hunter2}]\n          image: registry");
        List<String> violations = DeployRules.noSecretWithData(Manifests.parse(secret + literalPassword));
        assertEquals(2, violations.size(), violations.toString());
    }

    @Test
    void topicsDifferentFromTheContractOrNotKeptThirtyDaysAreReported() {
        String topics = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: questmaster.game-events, labels: {strimzi.io/cluster: questmaster}}
                spec: {partitions: 3, replicas: 1, config: {retention.ms: 604800000, cleanup.policy: delete}}
                ---
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: extra, labels: {strimzi.io/cluster: questmaster}}
                spec: {topicName: questmaster.extra, partitions: 3, replicas: 1, config: {retention.ms: 2592000000, cleanup.policy: compact}}
                """;
        List<String> violations = DeployRules.kafkaTopicsMatchTheContract(Manifests.parse(topics), RenderedOverlaysTest.CONTRACT_TOPICS_FALLBACK);
        String all = violations.toString();
        assertTrue(all.contains("questmaster.game-events: retention.ms is 604800000"), all);
        assertTrue(all.contains("questmaster.extra: cleanup.policy is compact"), all);
        assertTrue(all.contains("missing [questmaster.game-events.dlq, questmaster.privacy-exports, questmaster.privacy-exports.dlq,"
                + " questmaster.user-events, questmaster.user-events.dlq]"), all);
        assertTrue(all.contains("not in the contract [questmaster.extra]"), all);
    }

    @Test
    void aRolloutThatDropsCapacityOrAShutdownLongerThanTheGracePeriodIsReported() {
        String deployment = GOOD_DEPLOYMENT
                .replace("spec:\n  selector:", "spec:\n  strategy: {type: RollingUpdate, rollingUpdate: {maxUnavailable: 1}}\n  selector:")
                .replace("securityContext: {runAsNonRoot: true}", "securityContext: {runAsNonRoot: true}\n      terminationGracePeriodSeconds: 20")
                .replace("image: registry", "envFrom: [{configMapRef: {name: demo-config}}]\n          lifecycle: {preStop: {sleep: {seconds: 5}}}\n          image: registry");
        String configMap = """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: demo-config}
                data: {QUARKUS_SHUTDOWN_TIMEOUT: 25s}
                """;
        List<String> violations = DeployRules.rolloutsAndShutdownsDrain(Manifests.parse(deployment + configMap));
        assertEquals(List.of(
                "Deployment/demo-service: rolling update must keep maxUnavailable 0 (new pod ready before an old one stops)",
                "Deployment/demo-service: preStop 5 s + shutdown 25 s do not fit in the grace period of 20 s"), violations);
        assertEquals(List.of("Deployment/demo-service: no QUARKUS_SHUTDOWN_TIMEOUT (Quarkus would stop without draining)"),
                DeployRules.rolloutsAndShutdownsDrain(Manifests.parse(GOOD_DEPLOYMENT.replace("spec:\n  selector:",
                        "spec:\n  strategy: {rollingUpdate: {maxUnavailable: 0}}\n  selector:"))));
    }

    @Test
    void aChannelWhoseGroupOrDeadLetterTopicTheKafkaUserDoesNotAllowIsReported() {
        String user = """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaUser
                metadata: {name: audit-service, labels: {strimzi.io/cluster: questmaster}}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - {resource: {type: topic, name: questmaster.game-events, patternType: literal}, operations: [Read, Describe]}
                      - {resource: {type: group, name: audit-service, patternType: literal}, operations: [Read]}
                """;
        var channel = new ServiceChannels.Channel("game-events", true, "questmaster.game-events", "audit-service.timeline",
                "questmaster.game-events.dlq");
        List<String> violations = DeployRules.kafkaAclsCoverTheChannels(Manifests.parse(user),
                java.util.Map.of("audit-service", List.of(channel)), java.util.Map.of());
        assertEquals(List.of(
                "audit-service channel game-events: its KafkaUser does not allow Read on group audit-service.timeline",
                "audit-service channel game-events: its KafkaUser does not allow Write on topic questmaster.game-events.dlq"), violations);
        String prefixed = user.replace("name: audit-service, patternType: literal", "name: audit-service, patternType: prefix");
        assertEquals(1, DeployRules.kafkaAclsCoverTheChannels(Manifests.parse(prefixed),
                java.util.Map.of("audit-service", List.of(channel)), java.util.Map.of()).size());
    }

    @Test
    void theChannelsAreReadFromTheServiceConfigurationWithTheApplicationName() throws Exception {
        Path repository = Files.createTempDirectory("repo");
        try {
            Path security = Files.createDirectories(repository.resolve("platform/security/src/main/resources/META-INF"));
            Files.writeString(security.resolve("microprofile-config.properties"), """
                    mp.messaging.incoming.user-events.topic=questmaster.user-events
                    mp.messaging.incoming.user-events.group.id=${quarkus.application.name}.users-projection
                    mp.messaging.incoming.user-events.dead-letter-queue.topic=questmaster.user-events.dlq
                    """);
            Path service = Files.createDirectories(repository.resolve("demo-service/src/main/resources"));
            Files.writeString(service.resolve("application.properties"), """
                    quarkus.application.name=demo-service
                    mp.messaging.incoming.game-events.topic=questmaster.game-events
                    mp.messaging.incoming.game-events.group.id=${quarkus.application.name}.timeline
                    %test.mp.messaging.incoming.other.topic=ignored
                    """);
            assertEquals(List.of(
                    // no dead-letter-queue.topic: the consumer recipe's <topic>.dlq
                    new ServiceChannels.Channel("game-events", true, "questmaster.game-events", "demo-service.timeline",
                            "questmaster.game-events.dlq"),
                    new ServiceChannels.Channel("user-events", true, "questmaster.user-events", "demo-service.users-projection",
                            "questmaster.user-events.dlq")), ServiceChannels.of(repository, "demo-service"));
            Files.writeString(service.resolve("application.properties"), "questmaster.users-projection.enabled=false\n",
                    java.nio.file.StandardOpenOption.APPEND);
            assertEquals(1, ServiceChannels.of(repository, "demo-service").size());
        } finally {
            try (var walk = Files.walk(repository)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    void aScrapedOverlayWithoutTheEventAlertsIsReported() {
        String monitor = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: questmaster-services}
                spec: {selector: {matchLabels: {app: x}}, endpoints: [{port: http}]}
                """;
        String rule = """
                ---
                apiVersion: monitoring.coreos.com/v1
                kind: PrometheusRule
                metadata: {name: questmaster-events}
                spec:
                  groups:
                    - name: g
                      rules:
                        - alert: OutboxOld
                          expr: max(questmaster_outbox_oldest_age_seconds) > 300
                          labels: {severity: warning}
                          annotations: {summary: old}
                        - alert: Lag
                          expr: sum(questmaster_consumer_lag) > 1000
                """;
        assertEquals(List.of(), DeployRules.scrapedOverlaysAlertOnEvents(Manifests.parse(rule.replace("---", ""))),
                "not scraped: no alert needed");
        assertEquals(List.of("PrometheusRule/questmaster-events alert Lag: no severity label",
                "PrometheusRule/questmaster-events alert Lag: no summary annotation",
                "no PrometheusRule alert on questmaster_outbox_parked",
                "no PrometheusRule alert on questmaster_consumer_dead_lettered_total"),
                DeployRules.scrapedOverlaysAlertOnEvents(Manifests.parse(monitor + rule)));
    }

    @Test
    void aLatestOrUntaggedImageIsReported() {
        assertEquals(1, DeployRules.imagesArePinned(Manifests.parse(GOOD_DEPLOYMENT.replace(":1.0.0", ":latest"))).size());
        assertEquals(1, DeployRules.imagesArePinned(Manifests.parse(GOOD_DEPLOYMENT.replace(":1.0.0", ""))).size());
    }

    @Test
    void theContractTopicsAreReadFromEventsMd() throws Exception {
        Path eventsMd = Files.createTempFile("events", ".md");
        try {
            Files.writeString(eventsMd, """
                    | Topic | Key |
                    |---|---|
                    | `questmaster.game-events` | the game id |
                    | `questmaster.user-events` | the user id |
                    | `<topic>.dlq` | as the source |

                    New topic `questmaster.privacy-exports` (key = export id): each service answers an export request.
                    """);
            assertEquals(RenderedOverlaysTest.CONTRACT_TOPICS_FALLBACK, ContractTopics.read(eventsMd));
        } finally {
            Files.deleteIfExists(eventsMd);
        }
        Set<String> real = RenderedOverlaysTest.contractTopics();
        assertEquals(RenderedOverlaysTest.CONTRACT_TOPICS_FALLBACK, real, "the copy of events.md's topics is out of date");
    }
}
