package club.questmaster.web.session;

import club.questmaster.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Base64;
import org.jboss.logging.Logger;

/** The one {@link SessionCodec} of the application, keyed from {@code questmaster.session.key}. */
@ApplicationScoped
public class SessionKeys {

    private static final Logger LOG = Logger.getLogger(SessionKeys.class);

    @Produces
    @ApplicationScoped
    SessionCodec codec(WebConfig config) {
        return config.session().key().filter(k -> !k.isBlank())
                .map(k -> new SessionCodec(Base64.getDecoder().decode(k.trim())))
                .orElseGet(() -> {
                    LOG.warn("questmaster.session.key (QM_WEB_SESSION_KEY) is not set: a random key is used, so "
                            + "sessions end when this process stops and are not shared with other replicas");
                    return new SessionCodec(SessionCodec.randomKey());
                });
    }
}
