package club.questmaster.users.user;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.web.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reading users (api.md §2): the caller and public profiles, for any signed-in user. */
@ApplicationScoped
public class UserService {

    public static final int SEARCH_LIMIT = 10;
    public static final int MAX_IDS = 100;

    private final UserRepository users;
    private final UserAuthority authority;

    public UserService(UserRepository users, UserAuthority authority) {
        this.users = users;
        this.authority = authority;
    }

    /** One read: the caller's row is both the authority check and the answer. */
    @WithSession
    public Uni<UserView> me(Caller caller) {
        return users.findById(caller.requireAuthenticated().id()).map(user -> {
            if (user == null) {
                throw ApiException.notFound("No account for this token's subject.");
            }
            UserAuthority.requireActive(user);
            return UserMapping.view(user);
        });
    }

    @WithSession
    public Uni<UserView> get(Caller caller, String id) {
        return authority.resolve(caller)
                .chain(actor -> UserIds.valid(id) ? users.findLive(id) : Uni.createFrom().nullItem())
                .map(user -> UserMapping.view(UserAdminService.require(user)));
    }

    /** The live users among {@code ids}, in the order asked; unknown ids are left out. */
    @WithSession
    public Uni<List<UserView>> byIds(Caller caller, List<String> ids) {
        if (ids.size() > MAX_IDS) {
            return Uni.createFrom().failure(ApiException.invalid("ids", "at most " + MAX_IDS + " ids"));
        }
        List<String> valid = ids.stream().filter(UserIds::valid).distinct().toList();
        return authority.resolve(caller).chain(actor -> users.findLiveByIds(valid)).map(found -> {
            Map<String, User> byId = new LinkedHashMap<>();
            found.forEach(u -> byId.put(u.id, u));
            return valid.stream().map(byId::get).filter(Objects::nonNull).map(UserMapping::view).toList();
        });
    }

    @WithSession
    public Uni<List<UserView>> search(Caller caller, String q) {
        return authority.resolve(caller).chain(actor -> users.search(q, SEARCH_LIMIT))
                .map(found -> found.stream().map(UserMapping::view).toList());
    }

    /** Parses a comma-separated {@code ids} query parameter. */
    public static List<String> splitIds(String ids) {
        List<String> list = new ArrayList<>();
        for (String part : ids.split(",")) {
            if (!part.isBlank()) {
                list.add(part.strip());
            }
        }
        return list;
    }
}
