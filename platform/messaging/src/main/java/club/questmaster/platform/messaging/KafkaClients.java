package club.questmaster.platform.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way the platform builds a Kafka client outside Reactive Messaging channels (outbox relay, dead letters,
 * consumer lag): the service's {@code kafka.*} configuration (bootstrap servers, TLS, SASL: the same as its channels),
 * restricted to what the client type understands, plus the client's own settings and a client id naming its purpose.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> brokerConfig;
    private final String application;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> brokerConfig,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "questmaster") String application) {
        this.brokerConfig = Map.copyOf(brokerConfig);
        this.application = application;
    }

    /**
     * A producer that never loses or duplicates an acknowledged record: {@code acks=all}, idempotent.
     *
     * @param purpose  the client id's suffix, e.g. {@code outbox}
     * @param settings settings of this producer (timeouts...), applied last
     */
    public KafkaProducer<String, byte[]> producer(String purpose, Map<String, Object> settings) {
        return new KafkaProducer<>(producerConfig(purpose, settings), new StringSerializer(), new ByteArraySerializer());
    }

    /** An admin client (metadata and offsets, for the lag gauges). */
    public Admin admin(String purpose, Map<String, Object> settings) {
        Map<String, Object> config = select(brokerConfig, AdminClientConfig.configNames());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, application + "-" + purpose);
        config.putAll(settings);
        return Admin.create(config);
    }

    Map<String, Object> producerConfig(String purpose, Map<String, Object> settings) {
        Map<String, Object> config = select(brokerConfig, ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, application + "-" + purpose);
        config.putAll(settings);
        // Our serializers are passed as instances; a configured class name would be ignored anyway.
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return config;
    }

    /**
     * The broker settings a client of this type understands, plus every security setting (TLS, SASL: their names are
     * not all in the client's config list, and a client without them cannot connect).
     */
    static Map<String, Object> select(Map<String, Object> brokerConfig, Set<String> clientSettings) {
        Map<String, Object> config = new HashMap<>();
        brokerConfig.forEach((key, value) -> {
            if (clientSettings.contains(key) || key.startsWith("sasl.") || key.startsWith("ssl.")
                    || key.equals("security.protocol")) {
                config.put(key, value);
            }
        });
        return config;
    }
}
