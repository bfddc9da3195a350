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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A user's badges, public (contract §4). A user without badges (or unknown here) has an empty list. */
@Tag(name = "Badges", description = "What a user holds, public")
@Path("/api/v1/users/{id}/badges")
@Produces(MediaType.APPLICATION_JSON)
public class BadgesResource {

    private final HoldingService service;

    public BadgesResource(HoldingService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(operationId = "listUserBadges",
            summary = "A user's badges with their quantities (empty for a user without any)")
    public Uni<List<BadgeView>> badges(
            @PathParam("id") @Pattern(regexp = UserIds.REGEX, message = UserIds.MESSAGE) String userId) {
        return service.badges(userId);
    }
}
