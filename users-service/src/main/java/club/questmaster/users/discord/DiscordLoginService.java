package club.questmaster.users.discord;

import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.web.ApiException;
import club.questmaster.platform.web.ErrorCode;
import club.questmaster.users.auth.LoginService;
import club.questmaster.users.auth.TokenIssuer;
import club.questmaster.users.auth.TokenResponse;
import club.questmaster.users.config.UsersConfig;
import club.questmaster.users.user.User;
import club.questmaster.users.user.UserEventPublisher;
import club.questmaster.users.user.UserRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Discord login (api.md §2, docs/original-rules.md#discord-login): the Discord user token names the user, the guild
 * member record gives the roles. A member without the player role is refused (403); their account, if any, still
 * learns the lost role. The account's id is the Discord id; name, username, avatar and roles are refreshed at every
 * login.
 */
@ApplicationScoped
public class DiscordLoginService {

    private final DiscordClient discord;
    private final UserRepository users;
    private final UserEventPublisher events;
    private final TokenIssuer issuer;
    private final UsersConfig.Discord config;

    public DiscordLoginService(DiscordClient discord, UserRepository users, UserEventPublisher events,
            TokenIssuer issuer, UsersConfig config) {
        this.discord = discord;
        this.users = users;
        this.events = events;
        this.issuer = issuer;
        this.config = config.discord();
    }

    record Outcome(TokenResponse tokens, ApiException error) {
    }

    public Uni<TokenResponse> login(String discordAccessToken, String userAgent) {
        return discord.me(discordAccessToken)
                .chain(user -> discord.member(user.id()).chain(member -> apply(user, member, userAgent)))
                .map(outcome -> {
                    if (outcome.error() != null) {
                        throw outcome.error();
                    }
                    return outcome.tokens();
                });
    }

    /** Roles from the member's Discord roles (none when not in the guild). */
    List<String> rolesOf(DiscordClient.Member member) {
        List<String> roles = new ArrayList<>();
        if (member == null) {
            return roles;
        }
        if (holds(member, config.playerRoleId())) {
            roles.add(Role.PLAYER_NAME);
        }
        if (holds(member, config.gmRoleId())) {
            roles.add(Role.GM_NAME);
        }
        if (holds(member, config.adminRoleId())) {
            roles.add(Role.ADMIN_NAME);
        }
        return roles;
    }

    private static boolean holds(DiscordClient.Member member, Optional<String> roleId) {
        return roleId.isPresent() && member.roleIds().contains(roleId.get());
    }

    @WithTransaction
    Uni<Outcome> apply(DiscordClient.DiscordUser profile, DiscordClient.Member member, String userAgent) {
        List<String> discordRoles = rolesOf(member);
        boolean player = discordRoles.contains(Role.PLAYER_NAME);
        String name = firstNonBlank(member == null ? null : member.nick(), profile.globalName(), profile.username());
        String avatar = profile.avatar() == null ? null
                : "https://cdn.discordapp.com/avatars/" + profile.id() + "/" + profile.avatar() + ".png";
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return users.findById(profile.id()).chain(existing -> {
            if (existing == null) {
                if (!player) {
                    return Uni.createFrom().item(notAPlayer());
                }
                return freeUsername(profile, null).chain(username -> {
                    User user = new User();
                    user.id = profile.id();
                    user.username = username;
                    user.name = truncate(name, 100);
                    user.avatar = avatar;
                    user.setRoles(discordRoles);
                    user.provider = User.DISCORD;
                    user.createdAt = now;
                    user.updatedAt = now;
                    user.lastLoginAt = now;
                    return users.persist(user)
                            .call(saved -> events.publish(UserEventData.Types.CREATED, saved, saved.id))
                            .chain(saved -> issuer.issue(LoginService.subject(saved), userAgent))
                            .map(tokens -> new Outcome(tokens, null));
                });
            }
            if (existing.deleted()) {
                return Uni.createFrom().item(new Outcome(null,
                        ApiException.forbidden("This account was deleted.")));
            }
            return users.lockLive(existing.id).chain(user -> freeUsername(profile, user).chain(username -> {
                List<String> roles = new ArrayList<>(discordRoles);
                if (user.roles().contains(Role.SUPERUSER_NAME)) {
                    roles.add(Role.SUPERUSER_NAME);
                }
                boolean wasPlayer = user.roles().contains(Role.PLAYER_NAME);
                List<String> before = user.roles();
                String oldName = user.name;
                String oldUsername = user.username;
                OffsetDateTime oldNotPlayer = user.notPlayerAsOf;
                user.name = truncate(name, 100);
                user.username = username;
                user.avatar = avatar;
                user.setRoles(roles);
                if (wasPlayer && !player) {
                    user.notPlayerAsOf = now;
                } else if (player) {
                    user.notPlayerAsOf = null;
                }
                boolean changed = !Objects.equals(oldName, user.name) || !Objects.equals(oldUsername, user.username)
                        || !before.equals(user.roles()) || !Objects.equals(oldNotPlayer, user.notPlayerAsOf);
                if (changed) {
                    user.updatedAt = now;
                }
                Uni<Void> event = changed ? events.publish(UserEventData.Types.UPDATED, user, user.id)
                        : Uni.createFrom().voidItem();
                if (user.banned) {
                    return event.map(ignored -> new Outcome(null, new ApiException(ErrorCode.ACCOUNT_BANNED,
                            "This account is banned.")));
                }
                if (!player) {
                    return event.map(ignored -> notAPlayer());
                }
                user.lastLoginAt = now;
                return event.chain(() -> issuer.issue(LoginService.subject(user), userAgent)).map(tokens -> new Outcome(tokens, null));
            }));
        });
    }

    /**
     * A username in our rule (2-20 of [A-Za-z0-9_.-]) from the Discord username, made unique: Discord allows
     * longer names, and a local account may already hold the same one.
     */
    private Uni<String> freeUsername(DiscordClient.DiscordUser profile, User current) {
        String base = profile.username().replaceAll("[^A-Za-z0-9_.-]", "_");
        if (base.length() > 20) {
            base = base.substring(0, 20);
        }
        if (base.length() < 2) {
            base = (base + "__").substring(0, 2);
        }
        if (current != null && current.username.equalsIgnoreCase(base)) {
            return Uni.createFrom().item(current.username);
        }
        String id = profile.id();
        String first = base;
        String second = base.substring(0, Math.min(base.length(), 15)) + "-" + id.substring(id.length() - 4);
        String third = "discord-" + id.substring(id.length() - 12);
        String exceptId = current == null ? profile.id() : current.id;
        return users.usernameTaken(first, exceptId).chain(taken1 -> !taken1 ? Uni.createFrom().item(first)
                : users.usernameTaken(second, exceptId).map(taken2 -> !taken2 ? second : third));
    }

    private static Outcome notAPlayer() {
        return new Outcome(null, ApiException.forbidden("User is not a player on the Discord server."));
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return "Inconnu";
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
