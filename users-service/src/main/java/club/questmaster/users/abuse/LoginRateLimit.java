package club.questmaster.users.abuse;

import club.questmaster.platform.web.ErrorCode;
import club.questmaster.platform.web.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Rate limits the login endpoints per client address (contract §6 "Abuse"): beyond the address's bucket
 * ({@link RateLimitConfig}) an attempt is answered 429 {@code RATE_LIMITED} with {@code Retry-After} on the event
 * loop, before its body is read, so a flood costs neither a bcrypt verification nor a database query and the other
 * endpoints keep their latency. The address is the TCP peer, or the forwarded one when
 * {@code quarkus.http.proxy.proxy-address-forwarding} trusts the proxy in front (see the README).
 */
@ApplicationScoped
public class LoginRateLimit {

    private static final Logger LOG = Logger.getLogger(LoginRateLimit.class);
    static final Set<String> LIMITED = Set.of("/api/v1/auth/login", "/api/v1/auth/discord", "/api/v1/auth/token");

    private final RateLimitConfig config;
    private final TokenBuckets buckets;
    private final ObjectMapper json;

    public LoginRateLimit(RateLimitConfig config, ObjectMapper json) {
        this.config = config;
        this.buckets = new TokenBuckets(config.burst(), config.refillPerMinute(), config.maxAddresses());
        this.json = json;
    }

    void register(@Observes Router router) {
        if (!config.enabled()) {
            LOG.warn("Login rate limiting is disabled (questmaster.users.rate-limit.enabled=false)");
            return;
        }
        router.route().order(Integer.MIN_VALUE + 2).handler(this::limit);
    }

    private void limit(RoutingContext rc) {
        if (rc.request().method() != HttpMethod.POST || !LIMITED.contains(normalized(rc.normalizedPath()))) {
            rc.next();
            return;
        }
        String client = ClientAddress.of(rc.request());
        Duration wait = buckets.take(client, System.nanoTime());
        if (wait.isZero()) {
            rc.next();
            return;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        rc.response().setStatusCode(429).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Retry-After", Long.toString(seconds)).end(body(seconds));
    }

    private String body(long seconds) {
        try {
            return json.writeValueAsString(Problem.of(ErrorCode.RATE_LIMITED,
                    "Too many login attempts from this address; retry in " + seconds + " s.", List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalized(String path) {
        if (path == null) {
            return "";
        }
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
