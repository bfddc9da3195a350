package club.questmaster.platform.security;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as every service sees them: resolved once per request by {@link CallerAugmentor} (the token proves
 * who they are; roles, permissions, bans and deletion come from the service's users projection), obtained by resources
 * through {@link Callers#current()} and passed down as a parameter. Services and rules never read the request scope.
 *
 * @param id the user id ({@code sub}); null for an anonymous caller
 * @param roles the roles in force (from the projection when it knows the user, else the token's {@code groups})
 * @param permissions the delegated permissions granted (not those an admin holds by rank: see {@link #hasPermission})
 * @param scoped whether the token is a bot token (claim {@code scope}), limited to {@code scopes}
 * @param sessionId the session ({@code sid}): a refresh-token family, or a bot token's API token session
 */
public record Caller(String id, String username, String name, Set<Role> roles, Set<Permission> permissions,
        boolean scoped, Set<String> scopes, String sessionId) {

    public static final Caller ANONYMOUS = new Caller(null, null, null, Set.of(), Set.of(), false, Set.of(), null);

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        permissions = permissions.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(permissions));
        scopes = Set.copyOf(scopes);
    }

    /** This caller holding {@code roles} instead: for a service that re-reads the roles in force from its own data. */
    public Caller withRoles(Set<Role> roles) {
        return new Caller(id, username, name, roles, permissions, scoped, scopes, sessionId);
    }

    public boolean anonymous() {
        return id == null;
    }

    public boolean authenticated() {
        return id != null;
    }

    /** This caller, or 401 UNAUTHENTICATED when anonymous. */
    public Caller requireAuthenticated() {
        if (anonymous()) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "A valid bearer token is required.");
        }
        return this;
    }

    /** The highest role held: it decides whom the caller manages. */
    public Optional<Role> highest() {
        return roles.stream().max(Role::compareTo);
    }

    /** Holds this role or a higher one. */
    public boolean atLeast(Role role) {
        return highest().map(r -> r.atLeast(role)).orElse(false);
    }

    public boolean admin() {
        return atLeast(Role.ADMIN);
    }

    public boolean superuser() {
        return atLeast(Role.SUPERUSER);
    }

    /** Holds this delegated permission, or is an admin (admins hold every delegated permission by rank). */
    public boolean hasPermission(Permission permission) {
        return admin() || permissions.contains(permission);
    }

    /** Manages a user holding these roles: their highest is strictly below the caller's ({@link RankRules#manages}). */
    public boolean manages(Collection<String> targetRoles) {
        return RankRules.manages(highest(), Role.highest(targetRoles));
    }

    /** May grant all these roles: each strictly below the caller's highest ({@link RankRules#grants}). */
    public boolean grants(Collection<String> roleNames) {
        EnumSet<Role> wanted = EnumSet.noneOf(Role.class);
        for (String name : roleNames) {
            Optional<Role> role = Role.fromClaim(name);
            if (role.isEmpty()) {
                return false;
            }
            wanted.add(role.get());
        }
        return RankRules.grants(highest(), wanted);
    }

    /** An unscoped (user) token may call anything its roles allow; a bot token only operations of its scopes. */
    public boolean mayUseAnyOf(Collection<String> operationScopes) {
        return !scoped || operationScopes.stream().anyMatch(scopes::contains);
    }

    /** The role names in rank order, as in the {@code groups} claim. */
    public List<String> roleNames() {
        return roles.stream().sorted().map(Role::claim).toList();
    }
}
