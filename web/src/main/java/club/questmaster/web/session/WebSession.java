package club.questmaster.web.session;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The signed-in user of this request, if any, and what the response must tell the browser (a changed session, a
 * message for the next page). Filled by {@link SessionFilters} from the cookies; pages only read and change it.
 */
@RequestScoped
public class WebSession {

    private SessionData data;
    private boolean changed;
    private String csrfToken;
    private boolean csrfIssued;
    private String flash;
    private String nextFlash;

    void load(SessionData data, String csrfToken, boolean csrfIssued, String flash) {
        this.data = data;
        this.csrfToken = csrfToken;
        this.csrfIssued = csrfIssued;
        this.flash = flash;
    }

    public Optional<SessionData> user() {
        return Optional.ofNullable(data);
    }

    public boolean signedIn() {
        return data != null;
    }

    /** The {@code Authorization} header for the services, null when signed out (the services then see a visitor). */
    public String bearer() {
        return data == null ? null : "Bearer " + data.accessToken();
    }

    public String userId() {
        return data == null ? null : data.userId();
    }

    public void signIn(SessionData session) {
        this.data = session;
        this.changed = true;
    }

    public void signOut() {
        this.data = null;
        this.changed = true;
    }

    void refreshed(SessionData session) {
        this.data = session;
        this.changed = true;
    }

    boolean changed() {
        return changed;
    }

    public String csrfToken() {
        return csrfToken;
    }

    boolean csrfIssued() {
        return csrfIssued;
    }

    /** The message a previous request left for this page (shown once). */
    public String flash() {
        return flash;
    }

    /** A message for the page the browser is sent to next (Post/Redirect/Get). */
    public void flashNext(String message) {
        this.nextFlash = message;
    }

    String nextFlash() {
        return nextFlash;
    }
}
