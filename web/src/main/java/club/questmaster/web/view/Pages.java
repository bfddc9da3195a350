package club.questmaster.web.view;

import club.questmaster.web.session.SessionFilters;
import club.questmaster.web.session.WebSession;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** What every page shows (who is signed in, the CSRF field, the one-time message) and the redirects after a form. */
@ApplicationScoped
public class Pages {

    private final WebSession session;

    public Pages(WebSession session) {
        this.session = session;
    }

    public TemplateInstance page(Template template, String title) {
        return template.data("me", session.user().orElse(null))
                .data("csrf", session.csrfToken())
                .data("flash", session.flash())
                .data("title", title);
    }

    /** 303 See Other: after a form, the browser GETs the page (Post/Redirect/Get), so a reload posts nothing twice. */
    public Response redirect(String path, String message) {
        if (message != null) {
            session.flashNext(message);
        }
        return Response.seeOther(URI.create(path)).build();
    }

    /** Every form POST carries the CSRF field; a forged cross-site form does not know it. */
    public void checkCsrf(MultivaluedMap<String, String> form) {
        String cookie = session.csrfToken();
        if (!SessionFilters.csrfMatches(cookie, form == null ? null : form.getFirst(SessionFilters.CSRF_FIELD))) {
            throw new CsrfRejected();
        }
    }

    /** The login page, coming back to {@code next} afterwards. */
    public Response toLogin(String next, String message) {
        String target = "/login/" + (next == null ? "" : "?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        return redirect(target, message);
    }

    public static final class CsrfRejected extends RuntimeException {
        public CsrfRejected() {
            super("the form's CSRF field does not match its cookie");
        }
    }
}
