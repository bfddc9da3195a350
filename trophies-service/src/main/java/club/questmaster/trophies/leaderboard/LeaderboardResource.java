package club.questmaster.trophies.leaderboard;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public leaderboards (contract §4). */
@Path("/api/v1/leaderboards")
@Produces(MediaType.APPLICATION_JSON)
public class LeaderboardResource {

    private final LeaderboardService service;

    public LeaderboardResource(LeaderboardService service) {
        this.service = service;
    }

    @GET
    @PermitAll
    public Uni<Leaderboards> leaderboards() {
        return service.leaderboards();
    }
}
