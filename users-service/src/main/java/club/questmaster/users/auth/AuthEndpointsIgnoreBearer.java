package club.questmaster.users.auth;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Login, refresh, logout and Discord login authenticate by their body, never by a bearer token. A client that still
 * sends its expired access token along (the usual case when it refreshes) must not be refused with 401 by the
 * token check that guards every other endpoint, so the header is dropped on these paths before anything reads it.
 */
@ApplicationScoped
public class AuthEndpointsIgnoreBearer {

    void register(@Observes Router router) {
        router.route("/api/v1/auth/*").order(Integer.MIN_VALUE + 1).handler(rc -> {
            rc.request().headers().remove("Authorization");
            rc.next();
        });
    }
}
