package club.questmaster.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** The web module's own settings ({@code questmaster.*}); the services' addresses are the REST clients' URLs. */
@ConfigMapping(prefix = "questmaster")
public interface WebConfig {

    /** The community's zone: every date on a page is shown in it, and form dates are read in it. */
    @WithDefault("Europe/Paris")
    ZoneId timezone();

    Session session();

    Discord discord();

    interface Session {
        /**
         * AES key (base64, 16/24/32 bytes) that encrypts the session cookie. Every replica needs the same key; when
         * unset a random key is made at start (sessions then end with the process: fine locally, not in a cluster).
         */
        Optional<String> key();

        /** Whether cookies carry {@code Secure}: true everywhere but plain-http local runs. */
        @WithDefault("true")
        boolean secureCookies();

        /** The access token is refreshed when it expires within this margin. */
        @WithDefault("60s")
        Duration refreshMargin();

        /** Lifetime of the session cookie (the refresh token's lifetime in users-service). */
        @WithDefault("7d")
        Duration maxAge();
    }

    interface Discord {
        /** OAuth2 application id; the "Se connecter avec Discord" button shows only when it is set. */
        Optional<String> clientId();

        Optional<String> clientSecret();

        @WithDefault("https://discord.com")
        String baseUrl();

        /** This site's callback URL as registered with Discord, e.g. https://questmaster.example/login/discord/callback. */
        Optional<String> redirectUri();
    }
}
