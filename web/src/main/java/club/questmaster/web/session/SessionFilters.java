package club.questmaster.web.session;

import club.questmaster.web.WebConfig;
import club.questmaster.web.api.ApiProblem;
import club.questmaster.web.api.UsersApi;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Reads the session, CSRF and message cookies before a page runs; refreshes the access token when it is about to
 * expire (a refused refresh, e.g. after a ban or a logout elsewhere, signs the user out); refuses a form POST whose
 * CSRF field does not match its cookie (double-submit); writes what changed back afterwards.
 */
public class SessionFilters {

    public static final String SESSION_COOKIE = "qm_session";
    public static final String CSRF_COOKIE = "qm_csrf";
    public static final String CSRF_FIELD = "_csrf";
    static final String FLASH_COOKIE = "qm_flash";
    private static final Logger LOG = Logger.getLogger(SessionFilters.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebSession session;
    private final SessionCodec codec;
    private final UsersApi users;
    private final WebConfig config;

    public SessionFilters(WebSession session, SessionCodec codec, @RestClient UsersApi users, WebConfig config) {
        this.session = session;
        this.codec = codec;
        this.users = users;
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Uni<Response> readSession(ContainerRequestContext request) {
        Optional<SessionData> data = codec.open(value(request, SESSION_COOKIE));
        String csrf = value(request, CSRF_COOKIE);
        boolean issued = csrf == null || csrf.length() < 20;
        if (issued) {
            byte[] token = new byte[24];
            RANDOM.nextBytes(token);
            csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        }
        String flash = value(request, FLASH_COOKIE);
        session.load(data.orElse(null), csrf, issued,
                flash == null ? null : URLDecoder.decode(flash, StandardCharsets.UTF_8));
        if (data.isEmpty() || !data.get().expiresWithin(config.session().refreshMargin(), Instant.now())) {
            return Uni.createFrom().nullItem();
        }
        SessionData old = data.get();
        return users.refresh(new UsersApi.Refresh(old.refreshToken()))
                .map(pair -> {
                    session.refreshed(old.withTokens(pair.accessToken(), pair.refreshToken(),
                            Instant.now().getEpochSecond() + pair.expiresIn()));
                    return (Response) null;
                })
                .onFailure(ApiProblem.class).recoverWithItem(problem -> {
                    if (((ApiProblem) problem).status() < 500) {
                        // Refused for good (revoked, banned, expired): the user is signed out.
                        session.signOut();
                        session.flashNext("Votre session a expiré : reconnectez-vous.");
                    }
                    return null;
                })
                .onFailure().recoverWithItem(down -> {
                    // users-service unreachable: keep the session; the page calls the other services as it can.
                    LOG.debugf("token refresh failed: %s", down.toString());
                    return null;
                });
    }

    /** Double-submit CSRF check for every form POST (the form carries the value of the SameSite=Strict cookie). */
    public static boolean csrfMatches(String cookieValue, String formValue) {
        return cookieValue != null && formValue != null && MessageDigest.isEqual(
                cookieValue.getBytes(StandardCharsets.US_ASCII), formValue.getBytes(StandardCharsets.US_ASCII));
    }

    @ServerResponseFilter
    public void writeSession(ContainerResponseContext response) {
        boolean secure = config.session().secureCookies();
        if (session.changed()) {
            if (session.user().isPresent()) {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(SESSION_COOKIE, codec.seal(session.user().get()),
                        (int) config.session().maxAge().toSeconds(), NewCookie.SameSite.LAX, secure));
            } else {
                response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(SESSION_COOKIE, "", 0, NewCookie.SameSite.LAX, secure));
            }
        }
        if (session.csrfIssued()) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(CSRF_COOKIE, session.csrfToken(),
                    (int) config.session().maxAge().toSeconds(), NewCookie.SameSite.STRICT, secure));
        }
        if (session.nextFlash() != null) {
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(FLASH_COOKIE,
                    URLEncoder.encode(session.nextFlash(), StandardCharsets.UTF_8), 60, NewCookie.SameSite.LAX, secure));
        } else if (session.flash() != null) {
            // Shown on this page: gone for the next one.
            response.getHeaders().add(HttpHeaders.SET_COOKIE, cookie(FLASH_COOKIE, "", 0, NewCookie.SameSite.LAX, secure));
        }
    }

    private static NewCookie cookie(String name, String value, int maxAge, NewCookie.SameSite sameSite, boolean secure) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(sameSite).build();
    }

    private static String value(ContainerRequestContext request, String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
    }
}
