package club.questmaster.trophies.catalog;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class TrophyRepository implements PanacheRepository<Trophy> {

    public Uni<List<Trophy>> listAllById() {
        return listAll(Sort.by("id"));
    }

    /** Whether another trophy (not {@code exceptId}, may be null) already has this name. */
    public Uni<Boolean> nameTaken(String name, Long exceptId) {
        return exceptId == null
                ? count("name", name).map(n -> n > 0)
                : count("name = ?1 and id <> ?2", name, exceptId).map(n -> n > 0);
    }
}
