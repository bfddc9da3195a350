package club.questmaster.trophies.catalog;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.trophies.holding.UserTrophyRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Trophy definitions: names unique, the built-in badges kept, a held trophy never deleted. */
@ApplicationScoped
public class TrophyService {

    static final String NAME_TAKEN = "Trophy name already exists.";

    private final TrophyRepository trophies;
    private final UserTrophyRepository holdings;

    public TrophyService(TrophyRepository trophies, UserTrophyRepository holdings) {
        this.trophies = trophies;
        this.holdings = holdings;
    }

    @WithSession
    public Uni<List<TrophyView>> list() {
        return trophies.listAllById().map(list -> list.stream().map(TrophyView::of).toList());
    }

    @WithSession
    public Uni<TrophyView> get(long id) {
        return require(id).map(TrophyView::of);
    }

    @WithTransaction
    public Uni<TrophyView> create(CreateTrophyRequest request) {
        String name = request.name().strip();
        return refuseTakenName(name, null).chain(() -> {
            Trophy trophy = new Trophy();
            trophy.name = name;
            trophy.unique = Boolean.TRUE.equals(request.unique());
            trophy.icon = blankToNull(request.icon());
            return trophies.persistAndFlush(trophy);
        }).map(TrophyView::of);
    }

    /** Partial update. Making a trophy unique brings every holder down to quantity 1 (a unique trophy is held once). */
    @WithTransaction
    public Uni<TrophyView> update(long id, UpdateTrophyRequest request) {
        String name = request.name() == null ? null : request.name().strip();
        return require(id)
                .call(trophy -> name == null || name.equals(trophy.name) ? Uni.createFrom().voidItem()
                        : refuseTakenName(name, id))
                .call(trophy -> {
                    boolean becomesUnique = Boolean.TRUE.equals(request.unique()) && !trophy.unique;
                    if (name != null) {
                        trophy.name = name;
                    }
                    if (request.unique() != null) {
                        trophy.unique = request.unique();
                    }
                    if (request.icon() != null) {
                        trophy.icon = blankToNull(request.icon());
                    }
                    return trophies.flush().chain(() -> becomesUnique
                            ? holdings.capQuantityAtOne(id).replaceWithVoid()
                            : Uni.createFrom().voidItem());
                })
                .map(TrophyView::of);
    }

    /** 409 IN_USE for a built-in badge (automatic awards need it) or a trophy someone holds: holdings are never lost silently. */
    @WithTransaction
    public Uni<Void> delete(long id) {
        return require(id)
                .call(trophy -> {
                    if (BuiltInBadges.IDS.contains(trophy.id)) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.IN_USE,
                                "The built-in badge '" + trophy.name + "' is used by automatic awards and cannot be deleted."));
                    }
                    return holdings.holderCount(id).invoke(holders -> {
                        if (holders > 0) {
                            throw new ApiException(ErrorCode.IN_USE, "The trophy '" + trophy.name + "' is held by "
                                    + holders + " user(s); remove it from them first.");
                        }
                    });
                })
                .chain(trophy -> trophies.delete(trophy));
    }

    /** The trophy, or 404. Callers need a session. */
    public Uni<Trophy> require(long id) {
        return trophies.findById(id).onItem().ifNull()
                .failWith(() -> ApiException.notFound("No trophy with id " + id + "."));
    }

    private Uni<Void> refuseTakenName(String name, Long exceptId) {
        return trophies.nameTaken(name, exceptId).invoke(taken -> {
            if (taken) {
                throw new ApiException(ErrorCode.NAME_TAKEN, NAME_TAKEN);
            }
        }).replaceWithVoid();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
