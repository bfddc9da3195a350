package club.questmaster.games.reference;

import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Consumer;

/**
 * The CRUD rules shared by the three kinds of reference data: unique names (409 NAME_TAKEN, case-insensitive) and
 * no deletion while a game refers to the row (409 IN_USE). Runs in the caller's session or transaction.
 */
final class ReferenceStore<E extends Named> {

    private final Class<E> type;
    private final String gameColumn;
    private final String label;

    ReferenceStore(Class<E> type, String gameColumn, String label) {
        this.type = type;
        this.gameColumn = gameColumn;
        this.label = label;
    }

    Uni<List<E>> list(String where) {
        String hql = "from " + type.getSimpleName() + (where == null ? "" : " where " + where) + " order by lower(name), id";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, type).getResultList());
    }

    Uni<E> get(long id) {
        return Panache.getSession().chain(s -> s.find(type, id))
                .onItem().ifNull().failWith(() -> ApiException.notFound("No " + label + " " + id + "."));
    }

    Uni<E> create(E entity) {
        return requireFreeName(entity.name(), null)
                .chain(() -> Panache.getSession().chain(s -> s.persist(entity).chain(s::flush)))
                .replaceWith(entity);
    }

    Uni<E> update(long id, String newName, Consumer<E> apply) {
        return get(id).chain(entity -> (newName == null ? Uni.createFrom().voidItem() : requireFreeName(newName, id))
                .map(ok -> {
                    apply.accept(entity);
                    return entity;
                }))
                .call(() -> Panache.getSession().chain(s -> s.flush()));
    }

    Uni<Void> delete(long id) {
        return get(id).chain(entity -> Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT EXISTS (SELECT 1 FROM game WHERE " + gameColumn + " = :id)",
                        Boolean.class).setParameter("id", id).getSingleResult())
                .chain(used -> {
                    if (used) {
                        return Uni.createFrom().failure(new ApiException(ErrorCode.IN_USE,
                                "This " + label + " is used by at least one game."));
                    }
                    return Panache.getSession().chain(s -> s.remove(entity).chain(s::flush));
                }));
    }

    Uni<Boolean> exists(long id) {
        return Panache.getSession().chain(s -> s.find(type, id)).map(e -> e != null);
    }

    private Uni<Void> requireFreeName(String name, Long exceptId) {
        String hql = "select count(*) from " + type.getSimpleName() + " where lower(name) = lower(:name) and id <> :id";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, Long.class)
                .setParameter("name", name.trim())
                .setParameter("id", exceptId == null ? -1L : exceptId)
                .getSingleResult())
                .chain(n -> n > 0
                        ? Uni.createFrom().failure(new ApiException(ErrorCode.NAME_TAKEN,
                                "A " + label + " named '" + name.trim() + "' already exists."))
                        : Uni.createFrom().voidItem());
    }
}
