package club.questmaster.users.apitoken;

import club.questmaster.platform.security.Callers;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/users/me/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "API tokens", description = "Tokens for bots and scripts, exchanged at /api/v1/auth/token")
@APIResponse(responseCode = "401", description = "No or bad token (UNAUTHENTICATED)")
@APIResponse(responseCode = "403", description = "Banned (ACCOUNT_BANNED), or a bot token (INSUFFICIENT_SCOPE)")
public class ApiTokenResource {

    private final ApiTokenService tokens;
    private final Callers callers;

    public ApiTokenResource(ApiTokenService tokens, Callers callers) {
        this.tokens = tokens;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createApiToken", summary = "Create an API token; its secret is in this answer only")
    @APIResponseSchema(value = ApiTokenViews.Created.class, responseCode = "201",
            responseDescription = "The token, with its secret (token), shown this once")
    @APIResponse(responseCode = "400", description = "Bad name, scopes or expires_in_days (VALIDATION_ERROR)")
    @APIResponse(responseCode = "409", description = "Already 10 live tokens (CONFLICT)")
    public Uni<Response> create(@Valid @NotNull ApiTokenViews.Create request) {
        return callers.current().chain(caller -> tokens.create(caller, request)).map(created -> Response
                .created(URI.create("/api/v1/users/me/tokens/" + created.id())).entity(created).build());
    }

    @GET
    @Operation(operationId = "listApiTokens", summary = "The caller's API tokens that are not revoked (never their secrets)")
    @APIResponse(responseCode = "200", description = "The tokens, newest first")
    public Uni<List<ApiTokenViews.Listed>> list() {
        return callers.current().chain(tokens::list);
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "revokeApiToken", summary = "Revoke an API token: it can no longer be exchanged, and its JWTs are refused everywhere within 5 s")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such token of the caller (NOT_FOUND)")
    public Uni<Void> revoke(@PathParam("id") String id) {
        return callers.current().chain(caller -> tokens.revoke(caller, id));
    }
}
