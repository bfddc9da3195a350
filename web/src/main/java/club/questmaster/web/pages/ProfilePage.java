package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.Badge;
import club.questmaster.web.api.Dtos.User;
import club.questmaster.web.api.TrophiesApi;
import club.questmaster.web.api.UsersApi;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** A member's profile with their badges ("/profil/" for oneself, "/profil/{id}/" for another member). */
@Path("/profil")
@Produces(MediaType.TEXT_HTML)
public class ProfilePage {

    private final UsersApi users;
    private final TrophiesApi trophies;
    private final Pages pages;
    private final WebSession session;
    private final Template profile;

    public ProfilePage(@RestClient UsersApi users, @RestClient TrophiesApi trophies, Pages pages, WebSession session,
            @Location("profile.html") Template profile) {
        this.users = users;
        this.trophies = trophies;
        this.pages = pages;
        this.session = session;
        this.profile = profile;
    }

    @GET
    public Uni<Response> mine() {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/profil/", "Connectez-vous pour voir votre profil."));
        }
        return show(session.userId());
    }

    @GET
    @Path("{id}")
    public Uni<Response> member(@PathParam("id") String id) {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/profil/" + id + "/", "Connectez-vous pour voir les profils."));
        }
        return show(id);
    }

    private Uni<Response> show(String id) {
        Uni<User> user = users.user(session.bearer(), id);
        Uni<List<Badge>> badges = trophies.badges(id);
        return Uni.combine().all().unis(user, badges).asTuple()
                .map(t -> Response.ok(pages.page(profile, t.getItem1().displayName())
                        .data("user", t.getItem1())
                        .data("badges", t.getItem2())
                        .data("self", id.equals(session.userId()))).build());
    }
}
