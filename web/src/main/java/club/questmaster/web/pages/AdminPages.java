package club.questmaster.web.pages;

import club.questmaster.web.api.ApiProblem;
import club.questmaster.web.api.AuditApi;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.api.UsersApi;
import club.questmaster.web.session.WebSession;
import club.questmaster.web.view.Messages;
import club.questmaster.web.view.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The admin pages ("/admin/…"): users (create, roles, bans, permissions), reference data (systems, VTTs, special
 * events) and the audit search. The services check every right (role hierarchy, permissions); these pages only
 * offer the forms and show the refusals.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    static final List<String> ROLES = List.of("player", "gm", "admin", "superuser");
    static final List<String> PERMISSIONS = List.of("manage_reference_data", "manage_trophies", "view_audit",
            "moderate_games");
    static final Map<String, String> KINDS = Map.of("systems", "Systèmes", "vtts", "Tables virtuelles",
            "special-events", "Événements spéciaux");

    private final UsersApi users;
    private final GamesApi games;
    private final AuditApi audit;
    private final Directory directory;
    private final Pages pages;
    private final WebSession session;
    private final Template home;
    private final Template usersPage;
    private final Template userPage;
    private final Template references;
    private final Template auditPage;

    public AdminPages(@RestClient UsersApi users, @RestClient GamesApi games, @RestClient AuditApi audit,
            Directory directory, Pages pages, WebSession session, @Location("admin/home.html") Template home,
            @Location("admin/users.html") Template usersPage, @Location("admin/user.html") Template userPage,
            @Location("admin/references.html") Template references, @Location("admin/audit.html") Template auditPage) {
        this.users = users;
        this.games = games;
        this.audit = audit;
        this.directory = directory;
        this.pages = pages;
        this.session = session;
        this.home = home;
        this.usersPage = usersPage;
        this.userPage = userPage;
        this.references = references;
        this.auditPage = auditPage;
    }

    @GET
    public Response home() {
        if (!session.signedIn()) {
            return pages.toLogin("/admin/", "Connectez-vous pour continuer.");
        }
        return Response.ok(pages.page(home, "Administration").data("kinds", KINDS)).build();
    }

    @GET
    @Path("utilisateurs")
    public Uni<Response> users(@QueryParam("q") String q, @QueryParam("role") String role,
            @QueryParam("banned") String banned, @QueryParam("page") String page) {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/admin/utilisateurs/", "Connectez-vous pour continuer."));
        }
        Long n = BoardPage.id(page);
        String query = q == null || q.isBlank() ? null : q.strip();
        String roleFilter = ROLES.contains(role) ? role : null;
        Boolean bannedFilter = "1".equals(banned) ? Boolean.TRUE : null;
        return users.adminUsers(session.bearer(), query, roleFilter, bannedFilter, n == null ? 1 : n.intValue())
                .map(result -> Response.ok(pages.page(usersPage, "Utilisateur·rices")
                        .data("result", result).data("q", query == null ? "" : query).data("role", roleFilter)
                        .data("bannedOnly", bannedFilter != null).data("roles", ROLES)
                        .data("query", (query == null ? "" : "&q=" + enc(query)) + (roleFilter == null ? "" : "&role=" + roleFilter)
                                + (bannedFilter == null ? "" : "&banned=1"))).build());
    }

    @POST
    @Path("utilisateurs")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> create(MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", trimmed(form.getFirst("username")));
        body.put("password", form.getFirst("password") == null ? "" : form.getFirst("password"));
        String name = trimmed(form.getFirst("name"));
        if (!name.isEmpty()) {
            body.put("name", name);
        }
        body.put("roles", chosen(form.get("roles"), ROLES));
        return act(form, "/admin/utilisateurs/", () -> users.createUser(session.bearer(), body).replaceWithVoid(),
                "Compte « " + body.get("username") + " » créé.");
    }

    @GET
    @Path("utilisateurs/{id}")
    public Uni<Response> user(@PathParam("id") String id) {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/admin/utilisateurs/" + id + "/", "Connectez-vous pour continuer."));
        }
        return users.adminUser(session.bearer(), id).map(user -> Response.ok(pages.page(userPage, user.displayName())
                .data("user", user).data("roles", ROLES).data("permissions", PERMISSIONS)).build());
    }

    @POST
    @Path("utilisateurs/{id}/roles")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> roles(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roles", chosen(form.get("roles"), ROLES));
        String name = trimmed(form.getFirst("name"));
        if (!name.isEmpty()) {
            body.put("name", name);
        }
        return act(form, userUrl(id), () -> users.patchUser(session.bearer(), id, body).replaceWithVoid(),
                "Compte mis à jour.");
    }

    @POST
    @Path("utilisateurs/{id}/permissions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> permissions(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        List<String> chosen = chosen(form.get("permissions"), PERMISSIONS);
        return act(form, userUrl(id), () -> users.permissions(session.bearer(), id, new UsersApi.Permissions(chosen))
                .replaceWithVoid(), "Permissions mises à jour.");
    }

    @POST
    @Path("utilisateurs/{id}/bannir")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> ban(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String reason = trimmed(form.getFirst("reason"));
        return act(form, userUrl(id), () -> users.ban(session.bearer(), id, new UsersApi.Ban(reason.isEmpty() ? null : reason))
                .replaceWithVoid(), "Compte banni : ses sessions sont révoquées.");
    }

    @POST
    @Path("utilisateurs/{id}/debannir")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> unban(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(form, userUrl(id), () -> users.unban(session.bearer(), id).replaceWithVoid(), "Compte débanni.");
    }

    @GET
    @Path("{kind:systems|vtts|special-events}")
    public Uni<Response> references(@PathParam("kind") String kind) {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/admin/" + kind + "/", "Connectez-vous pour continuer."));
        }
        return games.references(kind).map(list -> Response.ok(pages.page(references, KINDS.get(kind))
                .data("kind", kind).data("items", list)).build());
    }

    @POST
    @Path("{kind:systems|vtts|special-events}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addReference(@PathParam("kind") String kind, MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", trimmed(form.getFirst("name")));
        if (kind.equals("special-events")) {
            String emoji = trimmed(form.getFirst("emoji"));
            if (!emoji.isEmpty()) {
                body.put("emoji", emoji);
            }
            body.put("active", form.getFirst("active") != null);
        } else {
            String icon = trimmed(form.getFirst("icon"));
            if (!icon.isEmpty()) {
                body.put("icon", icon);
            }
        }
        return act(form, "/admin/" + kind + "/", () -> games.createReference(session.bearer(), kind, body).replaceWithVoid(),
                "« " + body.get("name") + " » ajouté.");
    }

    @POST
    @Path("{kind:systems|vtts|special-events}/{id}/supprimer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deleteReference(@PathParam("kind") String kind, @PathParam("id") long id,
            MultivaluedMap<String, String> form) {
        return act(form, "/admin/" + kind + "/", () -> games.deleteReference(session.bearer(), kind, id), "Supprimé.");
    }

    /** The audit search (audit-service {@code /game-events}): newest first. */
    @GET
    @Path("journal")
    public Uni<Response> audit(@QueryParam("q") String q, @QueryParam("action") String action,
            @QueryParam("page") String page) {
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin("/admin/journal/", "Connectez-vous pour continuer."));
        }
        Long n = BoardPage.id(page);
        String query = q == null || q.isBlank() ? null : q.strip();
        String act = action == null || action.isBlank() ? null : action.strip();
        return audit.search(session.bearer(), act, null, query, n == null ? 1 : n.intValue(), 25)
                .flatMap(result -> directory.names(result.items().stream().map(e -> e.userId()).toList())
                        .map(names -> Response.ok(pages.page(auditPage, "Journal des annonces")
                                .data("result", result).data("names", names)
                                .data("q", query == null ? "" : query).data("action", act == null ? "" : act)
                                .data("actions", List.of("create", "edit", "delete", "create-session", "edit-session",
                                        "delete-session", "register", "unregister", "alert"))
                                .data("query", (query == null ? "" : "&q=" + enc(query)) + (act == null ? "" : "&action=" + enc(act))))
                                .build()));
    }

    private Uni<Response> act(MultivaluedMap<String, String> form, String back, Supplier<Uni<Void>> call, String success) {
        pages.checkCsrf(form);
        if (!session.signedIn()) {
            return Uni.createFrom().item(pages.toLogin(back, "Connectez-vous pour continuer."));
        }
        return call.get()
                .map(nothing -> pages.redirect(back, success))
                .onFailure(p -> p instanceof ApiProblem problem && problem.status() != 401 && !problem.is("ACCOUNT_BANNED")
                        && problem.status() < 500)
                .recoverWithItem(p -> {
                    ApiProblem problem = (ApiProblem) p;
                    List<String> details = new ArrayList<>();
                    Messages.fields(problem).forEach((field, message) -> details.add(field + " : " + message));
                    return pages.redirect(back, Messages.of(problem) + (details.isEmpty() ? "" : " " + String.join(" ; ", details)));
                });
    }

    private static List<String> chosen(List<String> values, List<String> allowed) {
        return values == null ? List.of() : values.stream().filter(allowed::contains).distinct().toList();
    }

    private static String userUrl(String id) {
        return "/admin/utilisateurs/" + id + "/";
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
