package club.questmaster.users.password;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * How many password logins one pod can verify per second: bcrypt verifications at the production cost (12) on 1
 * thread (the hashing pool's size on a 2-core pod: cores - 1) and on every core. The login rate limit and the
 * hashing queue limit (README "Abuse limits") are sized from this number.
 *
 * <p>Run: {@code ./mvnw verify -Pbenchmarks -pl users-service -am -Dtest=BcryptCapacityBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (plain JUnit, no service started).
 */
class BcryptCapacityBenchmark {

    static final int COST = 12;

    @Test
    void verificationsPerSecondAtProductionCost() throws Exception {
        String hash = BcryptUtil.bcryptHash("Correct-Horse-42", COST);
        for (int i = 0; i < 3; i++) { // warm-up
            Assertions.assertTrue(PasswordHasher.matches("Correct-Horse-42", hash));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : List.of(1, cores)) {
            int perThread = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<Boolean>> done = new ArrayList<>();
            for (int i = 0; i < threads * perThread; i++) {
                done.add(pool.submit(() -> PasswordHasher.matches("Wrong-Horse-42", hash)));
            }
            for (Future<Boolean> f : done) {
                Assertions.assertFalse(f.get());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            System.out.printf("BCRYPT: cost %d, %d thread(s) on %d core(s): %.1f verifications/s (%.0f ms each)%n",
                    COST, threads, cores, threads * perThread / seconds, seconds * 1000 / perThread);
        }
    }
}
