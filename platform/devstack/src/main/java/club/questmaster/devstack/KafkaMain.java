package club.questmaster.devstack;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Main class of the broker child JVM (runs on the broker's own classpath, never on a service's): formats the KRaft
 * storage, runs the broker, creates the topics and prints {@value #READY}.
 */
public final class KafkaMain {

    static final String READY = "DEVSTACK-KAFKA-READY";

    private KafkaMain() {
    }

    public static void main(String[] args) throws Exception {
        // Second safety net beside pdeathsig: never outlive the JVM that started us.
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        String properties = args[0];
        String clusterId = args[1];
        String bootstrap = args[2];
        PrintStream out = System.out;
        int formatted = kafka.tools.StorageTool.execute(
                new String[] {"format", "--cluster-id=" + clusterId, "-c", properties, "--ignore-formatted"}, out);
        if (formatted != 0) {
            System.err.println("kafka storage format failed: " + formatted);
            Runtime.getRuntime().halt(2);
        }
        Thread broker = new Thread(() -> kafka.Kafka.main(new String[] {properties}), "kafka-main");
        broker.setDaemon(false);
        broker.start();

        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminProps)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (true) {
                try {
                    admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                    break;
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            }
            List<NewTopic> topics = new ArrayList<>();
            for (int i = 3; i < args.length; i++) {
                String[] spec = args[i].split(":");
                topics.add(new NewTopic(spec[0], Integer.parseInt(spec[1]), (short) 1)
                        .configs(Map.of("retention.ms", spec[2], "cleanup.policy", "delete")));
            }
            for (var entry : admin.createTopics(topics).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        }
        out.println(READY);
        out.flush();
    }

}
