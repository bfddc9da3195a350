package club.questmaster.platform.testing;

import club.questmaster.devstack.DevStack;
import club.questmaster.devstack.Topic;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One real PostgreSQL and one real Kafka broker per test run (use with {@code scope = TestResourceScope.GLOBAL}),
 * with the contract's topics, and the test key pair for tokens.
 */
public class DevStackResource implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "app";
    private static volatile DevStack stack;

    @Override
    public Map<String, String> start() {
        try {
            stack = DevStack.start(DevStack.Options.throwaway(List.of(DATABASE), Topic.CONTRACT));
        } catch (Exception e) {
            throw new IllegalStateException("could not start the local PostgreSQL and Kafka", e);
        }
        Map<String, String> config = new LinkedHashMap<>(stack.quarkusConfig(DATABASE));
        config.put("mp.jwt.verify.publickey.location", "questmaster-test-keys/public.pem");
        config.put("smallrye.jwt.sign.key.location", "questmaster-test-keys/private.pem");
        return config;
    }

    @Override
    public void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }

    /** The running stack (for tests that stop or inspect it). */
    public static DevStack stack() {
        return stack;
    }
}
