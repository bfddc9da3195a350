package club.questmaster.users.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed configuration of users-service ({@code questmaster.users.*}); see README.md for each key. */
@ConfigMapping(prefix = "questmaster.users")
public interface UsersConfig {

    Jwt jwt();

    Login login();

    Password password();

    Bootstrap bootstrap();

    Discord discord();

    interface Jwt {
        @WithDefault("15m")
        Duration accessTokenLifespan();

        @WithDefault("7d")
        Duration refreshTokenLifespan();

        /** PEM public keys of retired signing keys, still listed in the JWKS until their last token expired. */
        Optional<List<String>> previousPublicKeyLocations();
    }

    interface Login {
        /** Consecutive failures that lock the account. */
        @WithDefault("5")
        int maxFailures();

        @WithDefault("15m")
        Duration lockDuration();
    }

    interface Password {
        /** bcrypt log2 rounds. */
        @WithDefault("12")
        int bcryptCost();

        /**
         * Threads that hash passwords. Hashing is pure CPU: fewer threads than cores keeps the event loops and the
         * token checks responsive while logins queue. Default: cores - 1, at least 1.
         */
        Optional<Integer> hashingThreads();

        /** Logins waiting for a hashing thread beyond this are refused with 429 RATE_LIMITED. */
        @WithDefault("500")
        int hashingQueueLimit();
    }

    interface Bootstrap {
        @WithDefault("admin")
        String adminUsername();

        /** QM_ADMIN_PASSWORD; when empty a random one is generated and logged once. */
        Optional<String> adminPassword();
    }

    interface Discord {
        @WithDefault("https://discord.com/api/v10")
        String baseUrl();

        Optional<String> guildId();

        Optional<String> botToken();

        Optional<String> playerRoleId();

        Optional<String> gmRoleId();

        Optional<String> adminRoleId();

        @WithDefault("5s")
        Duration timeout();
    }
}
