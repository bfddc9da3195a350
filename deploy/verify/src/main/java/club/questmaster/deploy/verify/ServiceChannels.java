package club.questmaster.deploy.verify;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * The Kafka channels a service declares in its configuration (the platform-security defaults for the users
 * projection, then the service's own application.properties), read as text: what its KafkaUser must allow.
 * Profile-specific keys (%test., %dev.) are ignored: they never run in a cluster.
 */
public final class ServiceChannels {

    /** The users projection's channel (platform/security UserEventsProjector), off when the service says so. */
    private static final String USERS_PROJECTION_CHANNEL = "user-events";
    private static final String CONTRACT_TOPIC_PREFIX = "questmaster.";

    public record Channel(String name, boolean incoming, String topic, String groupId, String deadLetterTopic) {
    }

    private ServiceChannels() {
    }

    public static List<Channel> of(Path repository, String service) {
        Properties config = new Properties();
        load(config, repository.resolve("platform/security/src/main/resources/META-INF/microprofile-config.properties"));
        load(config, repository.resolve(service).resolve("src/main/resources/application.properties"));
        String applicationName = config.getProperty("quarkus.application.name", service);
        boolean usersProjection = !"false".equals(config.getProperty("questmaster.users-projection.enabled"));
        TreeSet<String> channels = new TreeSet<>();
        for (String key : config.stringPropertyNames()) {
            String[] parts = key.split("\\.");
            if (parts.length >= 5 && parts[0].equals("mp") && parts[1].equals("messaging")
                    && (parts[2].equals("incoming") || parts[2].equals("outgoing")) && key.endsWith(".topic")
                    && !key.contains(".dead-letter-queue.")) {
                channels.add(parts[2] + "." + parts[3]);
            }
        }
        List<Channel> result = new ArrayList<>();
        for (String channel : channels) {
            String direction = channel.substring(0, channel.indexOf('.'));
            String name = channel.substring(channel.indexOf('.') + 1);
            if (name.equals(USERS_PROJECTION_CHANNEL) && direction.equals("incoming") && !usersProjection) {
                continue;
            }
            String prefix = "mp.messaging." + channel + ".";
            boolean incoming = direction.equals("incoming");
            String topic = resolve(config.getProperty(prefix + "topic"), applicationName);
            String deadLetterTopic = resolve(config.getProperty(prefix + "dead-letter-queue.topic"), applicationName);
            // A channel that ignores its failures is a reader that stores nothing (games-service's live feed): it
            // skips what it cannot read and never dead-letters. Every other consumer of a contract topic follows
            // the platform's recipe (docs/consumers.md), which dead-letters poison records to <topic>.dlq itself,
            // without channel configuration.
            boolean storesNothing = "ignore".equals(config.getProperty(prefix + "failure-strategy"));
            if (deadLetterTopic == null && incoming && !storesNothing && topic != null
                    && topic.startsWith(CONTRACT_TOPIC_PREFIX)) {
                deadLetterTopic = topic + ".dlq";
            }
            result.add(new Channel(name, incoming, topic,
                    resolve(config.getProperty(prefix + "group.id"), applicationName), deadLetterTopic));
        }
        return result;
    }

    private static String resolve(String value, String applicationName) {
        return value == null ? null : value.replace("${quarkus.application.name}", applicationName);
    }

    private static void load(Properties into, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties read = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            read.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read.stringPropertyNames().stream().filter(key -> !key.startsWith("%"))
                .forEach(key -> into.setProperty(key, read.getProperty(key)));
    }
}
