package club.questmaster.users.password;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * How many password logins one pod can verify per second: bcrypt verifications at the production cost (12,
 * application.properties). The capacity is the CPU time of one verification (read from the thread's own CPU clock,
 * so other work on a shared machine does not distort it): one core verifies 1 / that many per second, and a pod's
 * hashing pool (cores - 1 threads, at least 1) that many times its threads. The wall-clock rate on 1 thread and on
 * every core is printed too, with the machine's load average (the figure a busy machine does distort).
 *
 * <p>Run: {@code ./mvnw -B verify -Pbenchmarks -pl users-service -am -Dtest=BcryptCapacityBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false | grep BCRYPT:} (plain JUnit, no service started).
 */
class BcryptCapacityBenchmark {

    static final int COST = 12;
    static final int PER_THREAD = 8;

    @Test
    void verificationsPerSecondAtProductionCost() throws Exception {
        String hash = BcryptUtil.bcryptHash("Correct-Horse-42", COST);
        for (int i = 0; i < 3; i++) { // warm-up (JIT)
            Assertions.assertTrue(PasswordHasher.matches("Correct-Horse-42", hash));
        }
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        int cores = Runtime.getRuntime().availableProcessors();
        for (int threads : List.of(1, cores)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long start = System.nanoTime();
            List<Future<Long>> done = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                done.add(pool.submit(() -> {
                    long cpuStart = cpu.getCurrentThreadCpuTime();
                    for (int n = 0; n < PER_THREAD; n++) {
                        Assertions.assertFalse(PasswordHasher.matches("Wrong-Horse-42", hash));
                    }
                    return cpu.getCurrentThreadCpuTime() - cpuStart;
                }));
            }
            long cpuNanos = 0;
            for (Future<Long> f : done) {
                cpuNanos += f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            int verified = threads * PER_THREAD;
            double cpuMillisEach = cpuNanos / 1e6 / verified;
            System.out.printf("BCRYPT: cost %d, %d thread(s) on %d core(s): %.1f ms CPU per verification = %.1f"
                    + " logins/s per core; wall clock %.1f verifications/s (load average %.1f)%n", COST, threads,
                    cores, cpuMillisEach, 1000 / cpuMillisEach, verified / seconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
