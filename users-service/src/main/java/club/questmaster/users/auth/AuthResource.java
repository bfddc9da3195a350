package club.questmaster.users.auth;

import club.questmaster.users.abuse.ClientAddress;
import club.questmaster.users.apitoken.ApiTokenService;
import club.questmaster.users.apitoken.ApiTokenViews;
import club.questmaster.users.discord.DiscordLoginService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Auth", description = "Login, tokens and keys")
// The bearer header is ignored here (a client refreshing with its expired token is not refused): no security.
@SecurityRequirementsSet({})
@APIResponse(responseCode = "400", description = "Malformed or invalid body (VALIDATION_ERROR, MALFORMED_JSON)")
public class AuthResource {

    private final LoginService logins;
    private final DiscordLoginService discord;
    private final ApiTokenService apiTokens;

    public AuthResource(LoginService logins, DiscordLoginService discord, ApiTokenService apiTokens) {
        this.logins = logins;
        this.discord = discord;
        this.apiTokens = apiTokens;
    }

    @POST
    @Path("/token")
    @Operation(operationId = "exchangeApiToken", summary = "Exchange an API token (qmp_...) for a scoped access token of at most 15 min (bots)")
    @APIResponse(responseCode = "200", description = "An access token with the owner's sub, a scope claim and a sid")
    @APIResponse(responseCode = "401", description = "Unknown, revoked or expired API token (UNAUTHENTICATED)")
    @APIResponse(responseCode = "403", description = "The owner is banned (ACCOUNT_BANNED)")
    public Uni<BotToken> token(@Valid @NotNull ApiTokenViews.Exchange request) {
        return apiTokens.exchange(request.apiToken());
    }

    @POST
    @Path("/login")
    @Operation(operationId = "login", summary = "Log in with username and password")
    @APIResponse(responseCode = "200", description = "A token pair")
    @APIResponse(responseCode = "401", description = "Wrong username or password (same body and timing either way)")
    @APIResponse(responseCode = "403", description = "Banned (ACCOUNT_BANNED)")
    @APIResponse(responseCode = "429", description = "Locked for this client address after 5 failures in a row from it"
            + " (ACCOUNT_LOCKED, Retry-After), or too many attempts from this address (RATE_LIMITED, Retry-After)")
    public Uni<TokenResponse> login(@Valid @NotNull AuthRequests.Login request, @Context HttpServerRequest http,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return logins.login(request.username(), request.password(), ClientAddress.of(http), userAgent);
    }

    @POST
    @Path("/refresh")
    @Operation(operationId = "refreshTokens",
            summary = "Rotate a refresh token: a new pair; the presented token dies, and reusing a dead one revokes its family")
    @APIResponse(responseCode = "200", description = "A new token pair")
    @APIResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token")
    public Uni<TokenResponse> refresh(@Valid @NotNull AuthRequests.Refresh request) {
        return logins.refresh(request.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(operationId = "logout", summary = "Revoke a refresh token (and its family)")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Void> logout(@Valid @NotNull AuthRequests.Refresh request) {
        return logins.logout(request.refreshToken());
    }

    @POST
    @Path("/discord")
    @Operation(operationId = "loginWithDiscord",
            summary = "Log in with a Discord user access token (guild roles decide player, gm, admin)")
    @APIResponse(responseCode = "200", description = "A token pair")
    @APIResponse(responseCode = "401", description = "Discord refused the token")
    @APIResponse(responseCode = "403", description = "Not a player on the Discord server (FORBIDDEN), or banned")
    @APIResponse(responseCode = "429", description = "Too many attempts from this address (RATE_LIMITED, Retry-After)")
    @APIResponse(responseCode = "502", description = "Discord could not be reached")
    public Uni<TokenResponse> discord(@Valid @NotNull AuthRequests.Discord request,
            @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        return discord.login(request.discordAccessToken(), userAgent);
    }
}
