package club.questmaster.trophies.leaderboard;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Public leaderboards (contract §4). */
@Tag(name = "Leaderboards", description = "Top 10 players and gms by badge")
@Path("/api/v1/leaderboards")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final LeaderboardService service;

    public LeaderboardResource(LeaderboardService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    @Operation(operationId = "getLeaderboards",
            summary = "The four top-10 boards: one-shot and campaign players, one-shot and campaign gms")
    public Uni<Leaderboards> leaderboards() {
        return service.leaderboards();
    }
}
