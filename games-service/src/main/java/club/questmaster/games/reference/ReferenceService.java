package club.questmaster.games.reference;

import club.questmaster.games.reference.ReferenceInputs.NamedIconCreate;
import club.questmaster.games.reference.ReferenceInputs.NamedIconPatch;
import club.questmaster.games.reference.ReferenceInputs.NamedIconView;
import club.questmaster.games.reference.ReferenceInputs.SpecialEventCreate;
import club.questmaster.games.reference.ReferenceInputs.SpecialEventPatch;
import club.questmaster.games.reference.ReferenceInputs.SpecialEventView;
import club.questmaster.platform.web.ApiException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Systems, VTTs and special events: read by anyone, written by admins (the resource checks the role). */
@ApplicationScoped
public class ReferenceService {

    private final ReferenceStore<GameSystem> systems = new ReferenceStore<>(GameSystem.class, "system_id", "system");
    private final ReferenceStore<Vtt> vtts = new ReferenceStore<>(Vtt.class, "vtt_id", "VTT");
    private final ReferenceStore<SpecialEvent> events =
            new ReferenceStore<>(SpecialEvent.class, "special_event_id", "special event");

    // Systems

    @WithSession
    public Uni<List<NamedIconView>> systems() {
        return systems.list(null).map(list -> list.stream().map(ReferenceService::view).toList());
    }

    @WithSession
    public Uni<NamedIconView> system(long id) {
        return systems.get(id).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<NamedIconView> createSystem(NamedIconCreate in) {
        GameSystem s = new GameSystem();
        s.name = in.name().trim();
        s.icon = in.icon();
        return systems.create(s).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<NamedIconView> updateSystem(long id, NamedIconPatch in) {
        return systems.update(id, in.name(), s -> {
            if (in.name() != null) {
                s.name = in.name().trim();
            }
            if (in.icon() != null) {
                s.icon = in.icon();
            }
        }).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<Void> deleteSystem(long id) {
        return systems.delete(id);
    }

    // VTTs

    @WithSession
    public Uni<List<NamedIconView>> vtts() {
        return vtts.list(null).map(list -> list.stream().map(ReferenceService::view).toList());
    }

    @WithSession
    public Uni<NamedIconView> vtt(long id) {
        return vtts.get(id).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<NamedIconView> createVtt(NamedIconCreate in) {
        Vtt v = new Vtt();
        v.name = in.name().trim();
        v.icon = in.icon();
        return vtts.create(v).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<NamedIconView> updateVtt(long id, NamedIconPatch in) {
        return vtts.update(id, in.name(), v -> {
            if (in.name() != null) {
                v.name = in.name().trim();
            }
            if (in.icon() != null) {
                v.icon = in.icon();
            }
        }).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<Void> deleteVtt(long id) {
        return vtts.delete(id);
    }

    // Special events

    @WithSession
    public Uni<List<SpecialEventView>> specialEvents(boolean activeOnly) {
        return events.list(activeOnly ? "active = true" : null)
                .map(list -> list.stream().map(ReferenceService::view).toList());
    }

    @WithSession
    public Uni<SpecialEventView> specialEvent(long id) {
        return events.get(id).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<SpecialEventView> createSpecialEvent(SpecialEventCreate in) {
        SpecialEvent e = new SpecialEvent();
        e.name = in.name().trim();
        e.emoji = in.emoji();
        e.color = in.color();
        e.active = Boolean.TRUE.equals(in.active());
        return events.create(e).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<SpecialEventView> updateSpecialEvent(long id, SpecialEventPatch in) {
        return events.update(id, in.name(), e -> {
            if (in.name() != null) {
                e.name = in.name().trim();
            }
            if (in.emoji() != null) {
                e.emoji = in.emoji();
            }
            if (in.color() != null) {
                e.color = in.color();
            }
            if (in.active() != null) {
                e.active = in.active();
            }
        }).map(ReferenceService::view);
    }

    @WithTransaction
    public Uni<Void> deleteSpecialEvent(long id) {
        return events.delete(id);
    }

    /** For game validation, inside the caller's transaction: 400 when a referenced row does not exist. */
    public Uni<Void> requireReferences(Long systemId, Long vttId, Long specialEventId) {
        return check(systems, systemId, "system_id")
                .chain(() -> check(vtts, vttId, "vtt_id"))
                .chain(() -> check(events, specialEventId, "special_event_id"));
    }

    private static Uni<Void> check(ReferenceStore<?> store, Long id, String field) {
        if (id == null) {
            return Uni.createFrom().voidItem();
        }
        return store.exists(id).chain(found -> found ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ApiException.invalid(field, "unknown " + field.replace("_id", "") + " " + id)));
    }

    private static NamedIconView view(GameSystem s) {
        return new NamedIconView(s.id, s.name, s.icon);
    }

    private static NamedIconView view(Vtt v) {
        return new NamedIconView(v.id, v.name, v.icon);
    }

    private static SpecialEventView view(SpecialEvent e) {
        return new SpecialEventView(e.id, e.name, e.emoji, e.color, e.active);
    }
}
