package club.questmaster.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.web.session.SessionCodec;
import club.questmaster.web.session.SessionData;
import club.questmaster.web.session.SessionFilters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

/**
 * The original's end-to-end scenario through the pages, in chromium, against the packaged services on the real
 * PostgreSQL and Kafka: the session cookie (sealed, HttpOnly, refreshed before expiry, revoked at logout); a gm publishes a campaign (after a validation error shown next to its field, nothing typed
 * lost), players register through the game page until it closes, the gm archives it with badges, the badges show on
 * the players' profiles; a full game's waitlist offers a freed seat to the first waiting player, who accepts it; an
 * admin bans a player, whose next page logs them out; a service that is down gives a page naming it. Every main page
 * is checked by axe-core (no serious or critical violation) and at 375 px wide (no horizontal scrolling).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommunityJourneyIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String PASSWORD = "des-dés-et-des-dragons";
    /** -Dweb.screenshots=<dir> writes the main pages' screenshots there (docs/screenshots: see web/README.md). */
    private static final String SCREENSHOTS = System.getProperty("web.screenshots", "");
    private static final SessionCodec CODEC = new SessionCodec(Suite.SESSION_KEY);

    private static Suite suite;
    private static Api api;
    private static Browser browser;
    private static Map<String, String> ids;
    private static String slug;
    private static long systemId;

    @BeforeAll
    static void start() throws IOException {
        long started = System.nanoTime();
        suite = Suite.get();
        api = new Api(suite);
        systemId = api.system("Chroniques Oubliées");
        ids = Map.of(
                "gm", api.user("morgane", PASSWORD, "Morgane la MJ", "gm"),
                "alice", api.user("alice", PASSWORD, "Alice", "player"),
                "bruno", api.user("bruno", PASSWORD, "Bruno", "player"),
                "chloe", api.user("chloe", PASSWORD, "Chloé", "player"));
        for (String username : List.of("morgane", "alice", "bruno", "chloe")) {
            api.awaitKnownToGames(username, PASSWORD);
        }
        browser = Browser.open(suite.web());
        System.out.printf("[browser-tests] accounts and browser ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void aVisitorSeesTheBoardAndTheLoginPage() throws IOException {
        browser.go("/");
        assertEquals("Annonces", browser.text("h1"));
        assertAccessibleAndFitsAPhone(null);
        browser.go("/login/");
        assertAccessibleAndFitsAPhone("login");
    }

    @Test
    @Order(2)
    void theSessionCookieIsSealedAndHttpOnlyItsTokenIsRefreshedBeforeExpiryAndLogoutRevokesIt() throws IOException {
        browser.signIn("alice", PASSWORD);
        Cookie cookie = browser.driver.manage().getCookieNamed(SessionFilters.SESSION_COOKIE);
        assertTrue(cookie.isHttpOnly(), "HttpOnly");
        assertTrue(cookie.isSecure(), "Secure");
        assertEquals("Lax", cookie.getSameSite());
        SessionData signedIn = CODEC.open(cookie.getValue()).orElseThrow();
        // Not a search for "eyJ": a sealed value is random base64url and holds those three letters about once in 200.
        for (String part : signedIn.accessToken().split("\\.")) {
            assertFalse(cookie.getValue().contains(part), "no part of the access token readable in the cookie");
        }
        assertFalse(cookie.getValue().contains(signedIn.refreshToken()), "nor the refresh token");
        assertEquals("alice", signedIn.username());

        // Its access token about to expire (within the 60 s margin): the next page refreshes it first.
        browser.driver.manage().addCookie(new Cookie.Builder(cookie.getName(), CODEC.seal(signedIn.withTokens(
                signedIn.accessToken(), signedIn.refreshToken(), Instant.now().getEpochSecond() + 5)))
                .path("/").isHttpOnly(true).isSecure(true).sameSite("Lax").build());
        browser.go("/profil/");
        assertEquals("Mon profil", browser.text("h1"));
        SessionData refreshed = CODEC.open(browser.driver.manage().getCookieNamed(cookie.getName()).getValue()).orElseThrow();
        assertNotEquals(signedIn.refreshToken(), refreshed.refreshToken(), "a new refresh token (rotation)");
        assertNotEquals(signedIn.accessToken(), refreshed.accessToken());
        assertTrue(refreshed.accessExpiresAt() > Instant.now().getEpochSecond() + 600, "a fresh access token");

        browser.press("Se déconnecter");
        assertEquals("Vous êtes déconnecté·e.", browser.flash());
        assertNull(browser.driver.manage().getCookieNamed(cookie.getName()), "the session cookie is gone");
        assertEquals(401, api.refreshStatus(refreshed.refreshToken()), "logout revoked the refresh token in users-service");
        browser.signOut();
    }

    @Test
    @Order(3)
    void aBadImageAddressIsShownNextToItsFieldAndNothingTypedIsLost() throws IOException {
        browser.signIn("morgane", PASSWORD);
        assertTrue(browser.flash().startsWith("Bienvenue, Morgane la MJ"), browser.flash());
        browser.go("/annonce/");
        fillTheCampaign("ftp://images.example/dragon.png");
        browser.press("Publier et ouvrir");

        // games-service refuses the ftp URL (img must be http(s)): the error sits next to the field.
        assertEquals("/annonce/", browser.path());
        assertTrue(browser.find("#img-error").isDisplayed());
        assertFalse(browser.text("#img-error").isBlank());
        assertEquals("true", browser.find("#img").getAttribute("aria-invalid"));
        assertEquals("img-error", browser.find("#img").getAttribute("aria-describedby"));
        assertEquals("La Tour des Songes", browser.find("#name").getAttribute("value"));
        assertEquals("Une campagne onirique.\nDeux places.", browser.find("#description").getAttribute("value"));
        assertEquals("2", browser.find("#party_size").getAttribute("value"));
        assertTrue(browser.find("input[name=type][value=campaign]").isSelected());
        assertAccessibleAndFitsAPhone("game-form-error");
    }

    @Test
    @Order(4)
    void theGmPublishesTheCampaign() {
        browser.type("#img", "https://images.example/dragon.png");
        browser.press("Publier et ouvrir");

        assertTrue(browser.path().startsWith("/annonces/la-tour-des-songes"), browser.path());
        assertEquals("L'annonce a été publiée et ouverte.", browser.flash());
        assertEquals("ouverte", browser.text("#game-status"));
        assertTrue(browser.text("#seats-left").startsWith("2 places restantes"), browser.text("#seats-left"));
        slug = browser.path().replaceAll("^/annonces/([^/]+)/.*$", "$1");
        browser.signOut();
    }

    @Test
    @Order(5)
    void playersRegisterThroughTheGamePageUntilItCloses() throws IOException {
        register("alice");
        assertEquals("Vous êtes inscrit·e.", browser.flash());
        assertTrue(browser.text("#seats-left").startsWith("1 place restante"), browser.text("#seats-left"));
        assertAccessibleAndFitsAPhone("game");
        browser.signOut();

        register("bruno");
        assertEquals("Vous êtes inscrit·e.", browser.flash());
        assertEquals("fermée", browser.text("#game-status"), "the last seat taken closes the game");
        assertTrue(browser.text("#seats-left").startsWith("complet"), browser.text("#seats-left"));
        browser.signOut();

        browser.signIn("chloe", PASSWORD).go("/annonces/" + slug + "/");
        assertFalse(browser.hasButton("S'inscrire"), "no seat left: no register button");
        browser.signOut();
    }

    @Test
    @Order(6)
    void theGmArchivesWithBadgesAndTheBadgesShowOnTheProfiles() throws IOException {
        browser.signIn("morgane", PASSWORD).go("/annonces/" + slug + "/");
        assertTrue(browser.body().contains("Alice") && browser.body().contains("Bruno"), "the roster names the players");
        browser.press("Archiver l'annonce");
        assertEquals("Annonce archivée. Badges distribués.", browser.flash());
        assertEquals("archivée", browser.text("#game-status"));

        browser.go("/profil/");
        browser.awaitOnReload(() -> browser.body().contains("Badge Campagne GM"), Duration.ofSeconds(30),
                "the gm's Badge Campagne GM");
        browser.signOut();

        for (String player : List.of("alice", "bruno")) {
            browser.signIn(player, PASSWORD).go("/profil/");
            browser.awaitOnReload(() -> browser.all(".badge").stream().anyMatch(b -> b.getText().startsWith("Badge Campagne ")
                    && b.getText().endsWith("×1")), Duration.ofSeconds(30), player + "'s Badge Campagne");
            if (player.equals("alice")) {
                assertAccessibleAndFitsAPhone("profile");
            }
            browser.signOut();
        }
    }

    @Test
    @Order(7)
    void aFullGamesWaitlistOffersTheFreedSeatToTheFirstWaitingPlayer() throws IOException {
        String oneShot = api.openOneShot(api.login("morgane", PASSWORD), "Le Manoir des Brumes", systemId, 1);
        api.register(api.login("alice", PASSWORD), oneShot);

        browser.signIn("chloe", PASSWORD).go("/annonces/" + oneShot + "/");
        assertTrue(browser.body().contains("La partie est complète."), browser.body());
        browser.press("Rejoindre la liste d'attente");
        assertEquals("Vous êtes sur la liste d'attente.", browser.flash());
        assertEquals("Vous êtes n°1 sur la liste d'attente.", browser.text("#waitlist-position"));
        assertAccessibleAndFitsAPhone("game-waitlist");
        browser.signOut();

        browser.signIn("alice", PASSWORD).go("/annonces/" + oneShot + "/").press("Se désinscrire");
        assertEquals("Vous êtes désinscrit·e de la partie.", browser.flash());
        browser.signOut();

        // The freed seat is held for Chloé (waitlist_offer_hours 24 by default): she accepts it from the game page.
        browser.signIn("chloe", PASSWORD).go("/annonces/" + oneShot + "/");
        browser.awaitOnReload(() -> browser.hasButton("Accepter la place"), Duration.ofSeconds(15), "Chloé's offer");
        assertTrue(browser.body().contains("Une place vous est réservée jusqu'au"), browser.body());
        browser.press("Accepter la place");
        assertEquals("Vous êtes inscrit·e : la place vous attendait.", browser.flash());
        assertTrue(browser.body().contains("Vous êtes inscrit·e à cette partie."), browser.body());
        assertTrue(browser.text("#seats-left").startsWith("complet"), browser.text("#seats-left"));
        browser.signOut();
    }

    /** Contract §7 polls: the gm offers two slots, a registered player answers, the slot picked becomes a session. */
    @Test
    @Order(8)
    void aPollsPickedSlotBecomesASessionOfTheGame() throws IOException {
        String oneShot = api.openOneShot(api.login("morgane", PASSWORD), "La Crypte du Sondage", systemId, 3);
        api.register(api.login("bruno", PASSWORD), oneShot);
        LocalDateTime first = LocalDateTime.now(PARIS).plusDays(12).truncatedTo(ChronoUnit.HOURS).withHour(20);
        LocalDateTime second = first.plusDays(1);

        browser.signIn("morgane", PASSWORD).go("/annonces/" + oneShot + "/");
        assertTrue(browser.body().contains("Aucun sondage."), browser.body());
        browser.set("#start_1", first.toString()).set("#end_1", first.plusHours(3).toString());
        browser.set("#start_2", second.toString()).set("#end_2", second.plusHours(3).toString());
        browser.press("Créer le sondage");
        assertEquals("Sondage créé : les joueur·euses peuvent répondre.", browser.flash());
        browser.signOut();

        browser.signIn("bruno", PASSWORD).go("/annonces/" + oneShot + "/");
        List<String> options = browser.all("input[type=radio][value=yes]").stream()
                .map(radio -> radio.getAttribute("name")).toList();
        assertEquals(2, options.size(), browser.body());
        browser.find("input[name=" + options.get(0) + "][value=yes]").click();
        browser.find("input[name=" + options.get(1) + "][value=no]").click();
        browser.press("Enregistrer mes réponses");
        assertEquals("Réponses enregistrées.", browser.flash());
        // The answers read back as given.
        assertEquals("true", browser.find("input[name=" + options.get(0) + "][value=yes]").getAttribute("checked"));
        assertEquals("true", browser.find("input[name=" + options.get(1) + "][value=no]").getAttribute("checked"));
        assertAccessibleAndFitsAPhone("game-poll");
        browser.signOut();

        browser.signIn("morgane", PASSWORD).go("/annonces/" + oneShot + "/");
        assertTrue(browser.body().contains("(1 oui)"), browser.body());
        int sessions = browser.all("ol.sessions li").size(); // the one-shot's own date, ten days ahead
        browser.find("input[name=pick]").click(); // the first slot, the one Bruno said yes to
        browser.press("Retenir ce créneau");
        assertEquals("Créneau retenu : la session est ajoutée.", browser.flash());
        assertTrue(browser.body().contains("clos") && browser.body().contains("retenu"), browser.body());
        assertEquals(sessions + 1, browser.all("ol.sessions li").size(), browser.body());
        // The new session is the slot picked, at the time the gm typed (community time).
        Instant picked = first.atZone(PARIS).toInstant();
        assertTrue(browser.all("ol.sessions time").stream().anyMatch(t -> OffsetDateTime.parse(
                t.getAttribute("datetime")).toInstant().equals(picked)), browser.body());
        assertFalse(browser.hasButton("Retenir ce créneau"), browser.body());
        browser.signOut();
    }

    @Test
    @Order(9)
    void anAdminBanLogsThePlayerOut() throws IOException {
        browser.signIn("chloe", PASSWORD).go("/mes_parties/");
        assertEquals("Mes parties", browser.text("h1"));
        var chloesSession = browser.driver.manage().getCookieNamed("qm_session");
        browser.driver.manage().deleteAllCookies();

        browser.signIn("admin", Suite.ADMIN_PASSWORD).go("/admin/utilisateurs/" + ids.get("chloe") + "/");
        assertAccessibleAndFitsAPhone("admin-user");
        browser.type("#reason", "Comportement toxique").press("Bannir");
        assertEquals("Compte banni : ses sessions sont révoquées.", browser.flash());
        assertEquals("Banni·e", browser.text("#user-state"));
        browser.signOut();

        // Chloé's browser still holds her session cookie: her next page finds her signed out.
        browser.go("/");
        browser.driver.manage().addCookie(chloesSession);
        browser.go("/mes_parties/");
        browser.awaitOnReload(() -> browser.path().startsWith("/login/"), Duration.ofSeconds(15),
                "the banned player signed out");
        assertTrue(browser.flash().contains("banni") || browser.flash().contains("session a expiré"), browser.flash());
        browser.go("/");
        assertTrue(browser.hasButton("Se connecter") || browser.body().contains("Se connecter"));
    }

    @Test
    @Order(10)
    void theBoardListsTheOpenGamesAndTheSeatsLeftFollowRegistrationsLiveAndTheOtherPagesAreAccessibleToo()
            throws IOException {
        String gmToken = api.login("morgane", PASSWORD);
        String esteren = api.openOneShot(gmToken, "Les Ombres d'Esteren", systemId, 5);
        String naheulbeuk = api.openOneShot(gmToken, "Le Donjon de Naheulbeuk", systemId, 4);
        browser.signIn("alice", PASSWORD).go("/");
        String card = ".card:has(a[href='/annonces/" + esteren + "/'])";
        assertTrue(browser.text(card).contains("Morgane la MJ"), browser.text(card));
        assertTrue(browser.text(card).contains("Chroniques Oubliées"), browser.text(card));
        assertEquals("5 places restantes", browser.text(card + " [data-seats]"));
        assertAccessibleAndFitsAPhone("board");

        // Someone registers elsewhere: the open board and game page show it without a reload (games-service's SSE,
        // relayed by web).
        String brunoToken = api.login("bruno", PASSWORD);
        browser.awaitLiveStream();
        api.register(brunoToken, esteren);
        browser.awaitWithoutReload(() -> browser.text(card + " [data-seats]").equals("4 places restantes"),
                Duration.ofSeconds(20), "the board's live seat count");
        browser.go("/annonces/" + naheulbeuk + "/");
        assertEquals("4 places restantes sur 4", browser.text("#seats-left"));
        browser.awaitLiveStream();
        api.register(brunoToken, naheulbeuk);
        browser.awaitWithoutReload(() -> browser.text("#seats-left").equals("3 places restantes sur 4"),
                Duration.ofSeconds(20), "the game page's live seat count");

        for (String page : List.of("/calendrier/", "/badges/classement/", "/stats/", "/mes_parties/", "/annonces/?status=archived")) {
            browser.go(page);
            assertAccessibleAndFitsAPhone(page.equals("/calendrier/") ? "calendar" : null);
        }
        browser.go("/annonces/cette-annonce-n-existe-pas/");
        assertEquals("Page introuvable", browser.text("h1"));
        assertAccessibleAndFitsAPhone(null);
        browser.signOut();
    }

    /** Last: it stops a service for good. */
    @Test
    @Order(11)
    void aServiceThatIsDownGivesAPageNamingItNeverAStackTrace() throws IOException {
        suite.stop("trophies-service");
        browser.go("/badges/classement/");
        assertEquals("Service indisponible", browser.text("h1"));
        assertTrue(browser.body().contains("(trophies-service)"), browser.body());
        assertFalse(browser.body().contains("Exception"), browser.body());
        assertAccessibleAndFitsAPhone(null);
    }

    private static void register(String player) {
        browser.signIn(player, PASSWORD).go("/annonces/" + slug + "/");
        browser.press("S'inscrire");
    }

    private static void fillTheCampaign(String image) {
        LocalDateTime date = LocalDateTime.now(PARIS).plusDays(10).truncatedTo(ChronoUnit.HOURS).withHour(20);
        browser.type("#name", "La Tour des Songes");
        browser.find("input[name=type][value=campaign]").click();
        browser.set("#system_id", browser.find("#system_id option:nth-child(2)").getAttribute("value"));
        browser.type("#description", "Une campagne onirique.\nDeux places.");
        browser.type("#img", image);
        browser.set("#date", date.toString());
        browser.type("#party_size", "2");
    }

    /** axe-core finds no serious violation, and at 375 px the page needs no horizontal scrolling. */
    private static void assertAccessibleAndFitsAPhone(String screenshot) throws IOException {
        List<String> violations = browser.seriousAccessibilityViolations();
        assertTrue(violations.isEmpty(), browser.path() + ":\n" + String.join("\n", violations));
        if (screenshot != null && !SCREENSHOTS.isBlank()) {
            browser.screenshot(Path.of(SCREENSHOTS), screenshot);
        }
        browser.resize(375, 812);
        try {
            assertTrue(browser.overflow() <= 0, browser.path() + " is wider than 375 px by " + browser.overflow() + " px");
            if (screenshot != null && !SCREENSHOTS.isBlank()) {
                browser.screenshot(Path.of(SCREENSHOTS), screenshot + "-375");
            }
        } finally {
            browser.resize(1280, 1000);
        }
    }
}
