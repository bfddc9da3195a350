package club.questmaster.web.api;

import club.questmaster.web.api.Dtos.Page;
import club.questmaster.web.api.Dtos.TokenPair;
import club.questmaster.web.api.Dtos.User;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** users-service (contract §2, §8). {@code auth} is the caller's {@code Bearer …} header, null when signed out. */
@RegisterRestClient(configKey = "users-service")
@RegisterProvider(ProblemMapper.Users.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface UsersApi {

    record Login(String username, String password) {
    }

    record Refresh(String refreshToken) {
    }

    record DiscordLogin(String discordAccessToken) {
    }

    record Ban(String reason) {
    }

    record Permissions(List<String> permissions) {
    }

    /**
     * {@code clientAddress}: the browser's address, so that users-service's per-address login limit counts each
     * visitor, not this site (users-service must trust this header only from its proxies).
     */
    @POST
    @Path("/auth/login")
    Uni<TokenPair> login(@HeaderParam("X-Forwarded-For") String clientAddress, Login login);

    @POST
    @Path("/auth/refresh")
    Uni<TokenPair> refresh(Refresh refresh);

    @POST
    @Path("/auth/logout")
    Uni<Void> logout(Refresh refresh);

    @POST
    @Path("/auth/discord")
    Uni<TokenPair> discord(DiscordLogin login);

    @GET
    @Path("/users/me")
    Uni<User> me(@HeaderParam("Authorization") String auth);

    @GET
    @Path("/users/{id}")
    Uni<User> user(@HeaderParam("Authorization") String auth, @PathParam("id") String id);

    @GET
    @Path("/users")
    Uni<List<User>> users(@HeaderParam("Authorization") String auth, @QueryParam("ids") String commaSeparatedIds);

    @GET
    @Path("/users/search")
    Uni<List<User>> search(@HeaderParam("Authorization") String auth, @QueryParam("q") String q);

    @GET
    @Path("/admin/users")
    Uni<Page<User>> adminUsers(@HeaderParam("Authorization") String auth, @QueryParam("q") String q,
            @QueryParam("role") String role, @QueryParam("banned") Boolean banned, @QueryParam("page") Integer page);

    @GET
    @Path("/admin/users/{id}")
    Uni<User> adminUser(@HeaderParam("Authorization") String auth, @PathParam("id") String id);

    @POST
    @Path("/admin/users")
    Uni<User> createUser(@HeaderParam("Authorization") String auth, Map<String, Object> body);

    @PATCH
    @Path("/admin/users/{id}")
    Uni<User> patchUser(@HeaderParam("Authorization") String auth, @PathParam("id") String id,
            Map<String, Object> body);

    @POST
    @Path("/admin/users/{id}/ban")
    Uni<User> ban(@HeaderParam("Authorization") String auth, @PathParam("id") String id, Ban ban);

    @POST
    @Path("/admin/users/{id}/unban")
    Uni<User> unban(@HeaderParam("Authorization") String auth, @PathParam("id") String id);

    @PUT
    @Path("/admin/users/{id}/permissions")
    Uni<User> permissions(@HeaderParam("Authorization") String auth, @PathParam("id") String id,
            Permissions permissions);

    @DELETE
    @Path("/admin/users/{id}")
    Uni<Void> delete(@HeaderParam("Authorization") String auth, @PathParam("id") String id);
}
