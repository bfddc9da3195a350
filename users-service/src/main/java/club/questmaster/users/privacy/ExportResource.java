package club.questmaster.users.privacy;

import club.questmaster.platform.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/me/export")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Privacy", description = "A copy of everything the suite holds about the caller; erasure")
@APIResponse(responseCode = "401", description = "No or bad token (UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "Banned (ACCOUNT_BANNED), or a bot token (INSUFFICIENT_SCOPE)")
public class ExportResource {

    private final ExportService exports;
    private final Callers callers;

    public ExportResource(ExportService exports, Callers callers) {
        this.exports = exports;
        this.callers = callers;
    }

    @GET
    @Operation(operationId = "exportMyData", summary = "Everything the suite holds about the caller, one section per service (users, games, trophies, audit)")
    @APIResponse(responseCode = "200", description = "The complete export",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PrivacyViews.Export.class)))
    @APIResponse(responseCode = "202", description = "Being gathered from the services: ask again after Retry-After",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PrivacyViews.Pending.class)))
    public Uni<Response> export() {
        return callers.current().chain(exports::export).map(outcome -> {
            if (outcome instanceof ExportService.Complete complete) {
                return Response.ok(complete.export()).build();
            }
            return Response.accepted(((ExportService.Waiting) outcome).pending())
                    .header(HttpHeaders.RETRY_AFTER, ExportAssembly.RETRY_AFTER.toSeconds()).build();
        });
    }
}
