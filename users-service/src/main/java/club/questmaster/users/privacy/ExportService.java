package club.questmaster.users.privacy;

import club.questmaster.platform.security.Caller;
import club.questmaster.platform.web.ApiException;
import club.questmaster.users.apitoken.ApiTokenRepository;
import club.questmaster.users.session.SessionRepository;
import club.questmaster.users.user.User;
import club.questmaster.users.user.UserAuthority;
import club.questmaster.users.user.UserEventPublisher;
import club.questmaster.users.user.UserRepository;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/users/me/export} (api.md §8). The first call opens an export and publishes
 * {@code questmaster.user.export.requested}; each service answers on {@code questmaster.privacy-exports}
 * ({@link PrivacyExportsConsumer} stores the answers); while some are missing the call answers 202, and once all are
 * in, 200 with every section, {@code users} written here from this service's own tables.
 */
@ApplicationScoped
public class ExportService {

    /** Either the complete export or the pending one. */
    public sealed interface Outcome {
    }

    public record Complete(PrivacyViews.Export export) implements Outcome {
    }

    public record Waiting(PrivacyViews.Pending pending) implements Outcome {
    }

    private final UserRepository users;
    private final UserAuthority authority;
    private final SessionRepository sessions;
    private final ApiTokenRepository apiTokens;
    private final UserEventPublisher events;
    private final ObjectMapper json;

    public ExportService(UserRepository users, UserAuthority authority, SessionRepository sessions,
            ApiTokenRepository apiTokens, UserEventPublisher events, ObjectMapper json) {
        this.users = users;
        this.authority = authority;
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.events = events;
        this.json = json;
    }

    /** The caller's row is locked, so two concurrent first calls open one export, not two. */
    @WithTransaction
    public Uni<Outcome> export(Caller caller) {
        OffsetDateTime now = now();
        return authority.resolve(caller).chain(actor -> users.lockLive(actor.id())).chain(user -> {
            if (user == null) {
                throw ApiException.notFound("No account for this token's subject.");
            }
            return PrivacyExport.<PrivacyExport>find(
                    "userId = ?1 and deliveredAt is null and requestedAt > ?2 order by requestedAt desc",
                    user.id, now.minus(ExportAssembly.OPEN_FOR)).firstResult()
                    .chain(open -> open == null ? start(user, now) : progress(user, open, now));
        });
    }

    private Uni<Outcome> start(User user, OffsetDateTime now) {
        PrivacyExport export = new PrivacyExport();
        export.id = UUID.randomUUID();
        export.userId = user.id;
        export.requestedAt = now;
        return export.persist()
                .chain(() -> events.exportRequested(user, export.id.toString()))
                .map(ignored -> waiting(export, List.copyOf(ExportAssembly.SECTIONS.keySet())));
    }

    private Uni<Outcome> progress(User user, PrivacyExport export, OffsetDateTime now) {
        return answers(export.id).chain(answers -> {
            if (!ExportAssembly.complete(answers.keySet())) {
                List<String> missing = ExportAssembly.SECTIONS.keySet().stream().filter(s -> !answers.containsKey(s))
                        .sorted().toList();
                return Uni.createFrom().item(waiting(export, missing));
            }
            return usersSection(user, now).map(section -> {
                export.deliveredAt = now;
                return new Complete(new PrivacyViews.Export(export.id.toString(), user.id, now,
                        ExportAssembly.sections(section, answers)));
            });
        });
    }

    private static Outcome waiting(PrivacyExport export, List<String> missing) {
        return new Waiting(new PrivacyViews.Pending(export.id.toString(), "pending", missing.stream().sorted().toList()));
    }

    /** The answers received so far, by service, as JSON trees. */
    private Uni<Map<String, Object>> answers(UUID exportId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT service, data::text FROM privacy_export_part WHERE export_id = :id",
                        Object[].class)
                .setParameter("id", exportId).getResultList())
                .map(rows -> {
                    Map<String, Object> byService = new LinkedHashMap<>();
                    for (Object[] row : rows) {
                        try {
                            byService.put((String) row[0], json.readTree((String) row[1]));
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("stored export part is not JSON", e);
                        }
                    }
                    return byService;
                });
    }

    private Uni<PrivacyViews.UsersSection> usersSection(User user, OffsetDateTime now) {
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("id", user.id);
        account.put("username", user.username);
        account.put("name", user.name);
        account.put("avatar", user.avatar);
        account.put("provider", user.provider);
        account.put("roles", user.roles());
        account.put("permissions", user.permissions());
        account.put("not_player_as_of", user.notPlayerAsOf);
        account.put("banned", user.banned);
        account.put("ban_reason", user.banReason);
        account.put("banned_at", user.bannedAt);
        account.put("last_login_at", user.lastLoginAt);
        account.put("created_at", user.createdAt);
        account.put("updated_at", user.updatedAt);
        return sessions.live(user.id, now).chain(live -> apiTokens.unrevoked(user.id).map(tokens ->
                new PrivacyViews.UsersSection(account,
                        live.stream().map(s -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", s.id.toString());
                            m.put("created_at", s.createdAt);
                            m.put("last_used_at", s.lastUsedAt);
                            m.put("user_agent", s.userAgent);
                            return m;
                        }).toList(),
                        tokens.stream().map(t -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("id", t.id);
                            m.put("name", t.name);
                            m.put("scopes", t.scopes());
                            m.put("created_at", t.createdAt);
                            m.put("expires_at", t.expiresAt);
                            m.put("last_used_at", t.lastUsedAt);
                            return m;
                        }).toList())));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
