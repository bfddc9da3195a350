package club.questmaster.users.bootstrap;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.users.config.UsersConfig;
import club.questmaster.users.password.PasswordHasher;
import club.questmaster.users.user.User;
import club.questmaster.users.user.UserEventPublisher;
import club.questmaster.users.user.UserIds;
import club.questmaster.users.user.UserRepository;
import club.questmaster.users.user.Usernames;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * At first start, when no live superuser exists, creates one ({@code admin}, password from QM_ADMIN_PASSWORD).
 * Replicas starting together serialise on an advisory lock, so exactly one creates it.
 */
@ApplicationScoped
public class SuperuserBootstrap {

    private static final Logger LOG = Logger.getLogger(SuperuserBootstrap.class);
    /** Advisory lock key: "qm-boots". */
    private static final long LOCK_KEY = 0x716d2d626f6f7473L;

    private final UserRepository users;
    private final UserEventPublisher events;
    private final PasswordHasher hasher;
    private final UsersConfig.Bootstrap config;

    public SuperuserBootstrap(UserRepository users, UserEventPublisher events, PasswordHasher hasher,
            UsersConfig config) {
        this.users = users;
        this.events = events;
        this.hasher = hasher;
        this.config = config.bootstrap();
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        String username = config.adminUsername();
        if (!Usernames.valid(username)) {
            throw new IllegalStateException("questmaster.users.bootstrap.admin-username: " + Usernames.RULE);
        }
        boolean generated = config.adminPassword().filter(p -> !p.isBlank()).isEmpty();
        String password = generated ? randomPassword() : config.adminPassword().get();
        // Hashed here, on the startup thread, before any session is open.
        String hash = hasher.hashNow(password);
        Boolean created = VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> create(username, hash)));
        if (Boolean.TRUE.equals(created)) {
            if (generated) {
                LOG.warnf("Created superuser '%s' with the generated password %s (QM_ADMIN_PASSWORD was not set): "
                        + "change it now", username, password);
            } else {
                LOG.infof("Created superuser '%s' (password from QM_ADMIN_PASSWORD)", username);
            }
        }
    }

    private Uni<Boolean> create(String username, String hash) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")")
                        .getSingleResult())
                .chain(() -> users.anyLiveSuperuser())
                .chain(exists -> {
                    if (exists) {
                        return Uni.createFrom().item(false);
                    }
                    return users.usernameTaken(username, null).chain(taken -> {
                        if (taken) {
                            LOG.errorf("No superuser exists and the username '%s' is taken: none was created", username);
                            return Uni.createFrom().item(false);
                        }
                        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                        User user = new User();
                        user.id = UserIds.newLocalId();
                        user.username = username;
                        user.name = username;
                        user.setRoles(List.of(Role.SUPERUSER_NAME));
                        user.provider = User.LOCAL;
                        user.passwordHash = hash;
                        user.createdAt = now;
                        user.updatedAt = now;
                        return users.persist(user)
                                .call(saved -> events.publish(UserEventData.Types.CREATED, saved, null))
                                .replaceWith(true);
                    });
                });
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
