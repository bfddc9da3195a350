package club.questmaster.web.pages;

import club.questmaster.web.api.Dtos.Reference;
import club.questmaster.web.api.Dtos.User;
import club.questmaster.web.api.GamesApi;
import club.questmaster.web.api.UsersApi;
import club.questmaster.web.session.WebSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Names for ids: users (users-service lets only signed-in users read them, so a visitor sees no names) and the
 * reference data (systems, VTTs, special events: public). A page still renders when these lookups fail.
 */
@ApplicationScoped
public class Directory {

    /** users-service's limit for {@code ids=} (contract §6). */
    private static final int MAX_IDS = 100;
    private static final Logger LOG = Logger.getLogger(Directory.class);

    private final UsersApi users;
    private final GamesApi games;
    private final WebSession session;

    public Directory(@RestClient UsersApi users, @RestClient GamesApi games, WebSession session) {
        this.users = users;
        this.games = games;
        this.session = session;
    }

    /** id → display name of those ids (at most 100), empty for a visitor or when users-service does not answer. */
    public Uni<Map<String, String>> names(Collection<String> ids) {
        List<String> distinct = ids.stream().filter(id -> id != null && !id.isBlank()).distinct().limit(MAX_IDS).toList();
        if (!session.signedIn() || distinct.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return users.users(session.bearer(), String.join(",", distinct))
                .map(found -> found.stream().collect(Collectors.toMap(User::id, User::displayName, (a, b) -> a,
                        LinkedHashMap::new)))
                .map(map -> (Map<String, String>) map)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("user names unavailable, the page shows none: %s", e.toString());
                    return Map.of();
                });
    }

    /** {@code systems}, {@code vtts} or {@code special-events}, by id; empty when games-service does not answer. */
    public Uni<Map<Long, Reference>> references(String kind) {
        return games.references(kind)
                .map(list -> list.stream().collect(Collectors.toMap(Reference::id, Function.identity(), (a, b) -> a,
                        LinkedHashMap::new)))
                .map(map -> (Map<Long, Reference>) map)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("%s unavailable, the page shows no names for them: %s", kind, e.toString());
                    return Map.of();
                });
    }

    public record References(Map<Long, Reference> systems, Map<Long, Reference> vtts, Map<Long, Reference> events) {
        public String system(Long id) {
            return name(systems, id);
        }

        public String vtt(Long id) {
            return name(vtts, id);
        }

        public String event(Long id) {
            return name(events, id);
        }

        private static String name(Map<Long, Reference> refs, Long id) {
            Reference ref = id == null ? null : refs.get(id);
            return ref == null ? "" : ref.name();
        }
    }

    public Uni<References> allReferences() {
        return Uni.combine().all().unis(references("systems"), references("vtts"), references("special-events"))
                .with(References::new);
    }
}
