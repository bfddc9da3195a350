package club.questmaster.games.stats;

import club.questmaster.games.stats.StatsService.MonthlyStats;
import club.questmaster.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Monthly stats, for anyone (the current month by default). */
@Tag(name = "Stats", description = "Monthly stats")
@Path("/api/v1/stats")
public class StatsResource {

    private final StatsService service;

    public StatsResource(StatsService service) {
        this.service = service;
    }

    @GET
    @Operation(operationId = "getMonthlyStats",
            summary = "Sessions of the month per type and the gm leaderboard (the current month by default)")
    public Uni<MonthlyStats> monthly(@QueryParam("year") String year, @QueryParam("month") String month) {
        return service.monthly(QueryParams.optionalInt("year", year), QueryParams.optionalInt("month", month));
    }
}
