package club.questmaster.audit.timeline;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class GameOwnerRepository implements PanacheRepositoryBase<GameOwner, Long> {
}
