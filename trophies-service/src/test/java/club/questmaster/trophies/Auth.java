package club.questmaster.trophies;

import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.Tokens;

/** Authorization header values for each kind of caller (fresh user ids). */
public final class Auth {

    private Auth() {
    }

    public static String player() {
        return Tokens.bearer(Tokens.of(Tokens.newUserId(), "player", Role.PLAYER_NAME));
    }

    public static String gm() {
        return Tokens.bearer(Tokens.of(Tokens.newUserId(), "gm", Role.PLAYER_NAME, Role.GM_NAME));
    }

    public static String admin() {
        return Tokens.bearer(Tokens.of(Tokens.newUserId(), "admin", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME));
    }

    public static String superuser() {
        return Tokens.bearer(Tokens.of(Tokens.newUserId(), "root", Role.SUPERUSER_NAME));
    }
}
