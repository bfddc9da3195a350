package club.questmaster.trophies.holding;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.trophies.catalog.Trophy;
import club.questmaster.trophies.catalog.TrophyService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Who holds which trophy, with the original award rules (docs/original-rules.md#award-rules): a unique trophy is held
 * once with quantity 1; a non-unique one counts; a decrement to 0 removes the holding; a direct grant of a trophy the
 * user already holds is refused.
 */
@ApplicationScoped
public class HoldingService {

    static final String ALREADY_OWNED = "User already owns this trophy.";
    static final String NOT_OWNED = "User does not own this trophy.";

    private final UserTrophyRepository holdings;
    private final TrophyService trophies;

    public HoldingService(UserTrophyRepository holdings, TrophyService trophies) {
        this.holdings = holdings;
        this.trophies = trophies;
    }

    @WithSession
    public Uni<List<BadgeView>> badges(String userId) {
        return holdings.badgesOf(userId);
    }

    /** Direct grant: 409 if already held; the quantity is forced to 1 for a unique trophy. */
    @WithTransaction
    public Uni<HoldingView> grant(String userId, GrantTrophyRequest request) {
        return trophies.require(request.trophyId()).chain(trophy -> holdings.findForUpdate(userId, trophy.id)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.CONFLICT, ALREADY_OWNED));
                    }
                    UserTrophy holding = new UserTrophy();
                    holding.userId = userId;
                    holding.trophyId = trophy.id;
                    holding.quantity = trophy.unique || request.quantity() == null ? 1 : request.quantity();
                    return holdings.persistAndFlush(holding).map(saved -> view(trophy, saved.quantity, userId));
                }));
    }

    /** Sets the quantity of a held trophy (a unique one stays at 1). */
    @WithTransaction
    public Uni<HoldingView> setQuantity(String userId, long trophyId, int quantity) {
        return trophies.require(trophyId).chain(trophy -> requireHeld(userId, trophyId).chain(holding -> {
            holding.quantity = trophy.unique ? 1 : quantity;
            return holdings.flush().map(v -> view(trophy, holding.quantity, userId));
        }));
    }

    /** +1 with the award rule: a first award creates the holding; a unique trophy already held stays at 1. */
    @WithTransaction
    public Uni<HoldingView> increment(String userId, long trophyId) {
        return trophies.require(trophyId).chain(trophy -> award(userId, trophy)
                .chain(() -> holdings.findById(new UserTrophy.Key(userId, trophyId)))
                .map(holding -> view(trophy, holding.quantity, userId)));
    }

    /** -1; at quantity 1 the holding is removed (the answer then says quantity 0). */
    @WithTransaction
    public Uni<HoldingView> decrement(String userId, long trophyId) {
        return trophies.require(trophyId).chain(trophy -> requireHeld(userId, trophyId).chain(holding -> {
            if (holding.quantity <= 1) {
                return holdings.delete(holding).chain(holdings::flush).map(v -> view(trophy, 0, userId));
            }
            holding.quantity -= 1;
            return holdings.flush().map(v -> view(trophy, holding.quantity, userId));
        }));
    }

    @WithTransaction
    public Uni<Void> remove(String userId, long trophyId) {
        return trophies.require(trophyId).chain(trophy -> requireHeld(userId, trophyId)).chain(holdings::delete);
    }

    /** One automatic or manual award, in the caller's transaction. */
    public Uni<Void> award(String userId, Trophy trophy) {
        return holdings.award(userId, trophy.id, trophy.unique);
    }

    private Uni<UserTrophy> requireHeld(String userId, long trophyId) {
        return holdings.findForUpdate(userId, trophyId).onItem().ifNull()
                .failWith(() -> ApiException.notFound(NOT_OWNED));
    }

    private static HoldingView view(Trophy trophy, int quantity, String userId) {
        return new HoldingView(userId, trophy.id, trophy.name, trophy.icon, trophy.unique, quantity);
    }
}
