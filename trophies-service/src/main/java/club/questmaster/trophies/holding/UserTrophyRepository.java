package club.questmaster.trophies.holding;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;

@ApplicationScoped
public class UserTrophyRepository implements PanacheRepositoryBase<UserTrophy, UserTrophy.Key> {

    /** Upper bound of a quantity (keeps increments far from the integer limit). */
    public static final int MAX_QUANTITY = 1_000_000;

    public Uni<List<BadgeView>> badgesOf(String userId) {
        return Panache.getSession().chain(session -> session.createQuery(
                "select new club.questmaster.trophies.holding.BadgeView(t.id, t.name, t.icon, ut.quantity)"
                        + " from UserTrophy ut join Trophy t on t.id = ut.trophyId where ut.userId = :userId"
                        + " order by t.id", BadgeView.class)
                .setParameter("userId", userId)
                .getResultList());
    }

    /** The holding, row-locked for the rest of the transaction, or null. */
    public Uni<UserTrophy> findForUpdate(String userId, long trophyId) {
        return findById(new UserTrophy.Key(userId, trophyId), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The award rule, atomic under concurrency: a first award inserts quantity 1; a later one adds 1, except for a
     * unique trophy, which stays at 1 (later awards are ignored). Runs in the caller's transaction.
     */
    public Uni<Void> award(String userId, long trophyId, boolean unique) {
        String onConflict = unique ? "DO NOTHING"
                : "DO UPDATE SET quantity = LEAST(user_trophy.quantity + 1, " + MAX_QUANTITY + ")";
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "INSERT INTO user_trophy (user_id, trophy_id, quantity) VALUES (:userId, :trophyId, 1)"
                        + " ON CONFLICT (user_id, trophy_id) " + onConflict)
                .setParameter("userId", userId)
                .setParameter("trophyId", trophyId)
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Long> holderCount(long trophyId) {
        return count("trophyId", trophyId);
    }

    /** A trophy that became unique: every holder keeps it once. */
    public Uni<Integer> capQuantityAtOne(long trophyId) {
        return update("quantity = 1 where trophyId = ?1 and quantity > 1", trophyId);
    }
}
