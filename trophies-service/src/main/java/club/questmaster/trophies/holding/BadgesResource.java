package club.questmaster.trophies.holding;

import club.questmaster.platform.security.UserIds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** A user's badges, public (contract §4). A user without badges (or unknown here) has an empty list. */
@Path("/api/v1/users/{id}/badges")
@Produces(MediaType.APPLICATION_JSON)
public class BadgesResource {

    private final HoldingService service;

    public BadgesResource(HoldingService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    public Uni<List<BadgeView>> badges(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId) {
        return service.badges(userId);
    }
}
