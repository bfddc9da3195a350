package club.questmaster.users.password;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.users.config.UsersConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * bcrypt hashing and verification on a small dedicated pool, never on an event loop and never inside a reactive
 * session (callers close their session before and open a new one after). The pool has fewer threads than cores so
 * that a burst of logins queues here instead of starving request handling; beyond the queue limit logins get 429.
 *
 * <p>Results come back on the caller's Vert.x context, so the caller can go on with Hibernate Reactive.
 */
@ApplicationScoped
public class PasswordHasher {

    private static final Logger LOG = Logger.getLogger(PasswordHasher.class);

    private final int cost;
    private final ThreadPoolExecutor pool;
    /** Verified against when the username is unknown, so that both answers take the same time. */
    private final String dummyHash;

    public PasswordHasher(UsersConfig config) {
        this.cost = config.password().bcryptCost();
        int threads = config.password().hashingThreads()
                .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(config.password().hashingQueueLimit()), r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = BcryptUtil.bcryptHash(Base64.getEncoder().encodeToString(random), cost);
        LOG.infof("Password hashing: bcrypt cost %d on %d thread(s)", cost, threads);
    }

    public Uni<String> hash(String password) {
        return offload(() -> BcryptUtil.bcryptHash(password, cost));
    }

    /** Whether {@code password} matches {@code hash}; a null hash (unknown user, Discord account) never matches. */
    public Uni<Boolean> verify(String password, String hash) {
        return offload(() -> {
            boolean matches = matches(password, hash == null ? dummyHash : hash);
            return hash != null && matches;
        });
    }

    /** Synchronous form for startup code (never call it on an event loop). */
    public String hashNow(String password) {
        return BcryptUtil.bcryptHash(password, cost);
    }

    static boolean matches(String password, String hash) {
        try {
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT,
                    new WildFlyElytronPasswordProvider());
            BCryptPassword stored = (BCryptPassword) factory.translate(ModularCrypt.decode(hash));
            return factory.verify(stored, password.toCharArray());
        } catch (Exception e) {
            LOG.warnf("Unreadable password hash: %s", e.getMessage());
            return false;
        }
    }

    private <T> Uni<T> offload(Supplier<T> work) {
        return Uni.createFrom().<T>emitter(emitter -> {
            Context caller = Vertx.currentContext();
            try {
                pool.execute(() -> {
                    T result;
                    try {
                        result = work.get();
                    } catch (Throwable e) {
                        deliver(caller, () -> emitter.fail(e));
                        return;
                    }
                    deliver(caller, () -> emitter.complete(result));
                });
            } catch (RejectedExecutionException e) {
                emitter.fail(new ApiException(ErrorCode.RATE_LIMITED, "Too many logins at once; retry in a moment.",
                        List.of(), Duration.ofSeconds(1)));
            }
        });
    }

    private static void deliver(Context caller, Runnable action) {
        if (caller != null) {
            caller.runOnContext(ignored -> action.run());
        } else {
            action.run();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        pool.shutdownNow();
    }
}
