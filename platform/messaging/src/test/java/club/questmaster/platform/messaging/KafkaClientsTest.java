package club.questmaster.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaClientsTest {

    private final KafkaClients clients = new KafkaClients(Map.of(
            "bootstrap.servers", "broker:9093",
            "security.protocol", "SASL_SSL",
            "sasl.jaas.config", "scram",
            "ssl.truststore.location", "/etc/kafka/ca.p12",
            "group.id", "a-consumer-setting",
            "value.serializer", "com.example.Ignored"), "games-service");

    @Test
    void aProducerGetsTheBrokerAndSecuritySettingsButNoConsumerSetting() {
        Map<String, Object> config = clients.producerConfig("outbox", Map.of("linger.ms", "0"));
        assertEquals("broker:9093", config.get("bootstrap.servers"));
        assertEquals("SASL_SSL", config.get("security.protocol"));
        assertEquals("scram", config.get("sasl.jaas.config"));
        assertEquals("/etc/kafka/ca.p12", config.get("ssl.truststore.location"));
        assertFalse(config.containsKey("group.id"));
        assertFalse(config.containsKey("value.serializer"), "our serializers are instances");
    }

    @Test
    void aProducerIsDurableIdempotentAndNamedAfterItsServiceAndPurpose() {
        Map<String, Object> config = clients.producerConfig("dead-letters", Map.of());
        assertEquals("all", config.get("acks"));
        assertEquals("true", config.get("enable.idempotence"));
        assertEquals("games-service-dead-letters", config.get("client.id"));
    }

    @Test
    void theCallersSettingsComeLast() {
        assertEquals("5000", clients.producerConfig("outbox", Map.of("max.block.ms", "5000")).get("max.block.ms"));
    }
}
