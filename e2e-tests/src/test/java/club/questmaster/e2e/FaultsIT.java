package club.questmaster.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.platform.messaging.CloudEvents;
import club.questmaster.platform.messaging.GameEventData;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.messaging.UserEventData;
import club.questmaster.platform.security.Role;
import club.questmaster.platform.testing.ConsumerGroups;
import club.questmaster.platform.testing.HealthWatch;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.testing.Tokens;
import club.questmaster.platform.testing.UserEvents;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 10's faults, on the packaged services with the real PostgreSQL and Kafka (contract §6 "Events" and
 * "Readiness"): a ban held through a write-refusing database and through a PostgreSQL restart, then applied within
 * 5 s; 10 000 events ingested across a PostgreSQL restart; a record PostgreSQL refuses in the middle of a batch;
 * awards held through a database outage longer than the old give-up; writes, health and per-game order while the
 * broker is frozen for 30 s. Each test prints the figure it measured ("[faults] ...").
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    /** Contract §6 "Authority": a ban bites everywhere within 5 s of its commit (here: of the fault's end). */
    private static final Duration BAN_BOUND = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static Suite suite;
    private static long systemId;

    private record User(String id, String username, List<String> roles, String token) {
        RequestSpecification on(String baseUrl) {
            return given().baseUri(baseUrl).header("Authorization", Tokens.bearer(token))
                    .contentType("application/json");
        }
    }

    @BeforeAll
    static void startTheSuite() throws Exception {
        suite = Suite.shared();
        User admin = user("fault-admin", Role.PLAYER_NAME, Role.GM_NAME, Role.ADMIN_NAME);
        awaitProjected(admin);
        systemId = admin.on(suite.games.baseUrl()).body(Map.of("name", "Système " + UUID.randomUUID()))
                .post("/api/v1/systems").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Issue 10 item 2: the outbox only where it is used. The consumers have no outbox table and hold no connection
     * listening for it; the producer (games-service) has both.
     */
    @Test
    @Order(0)
    void onlyTheProducingServiceHasAnOutboxAndARelayConnection() throws Exception {
        String outboxTable = "SELECT count(*) FROM information_schema.tables WHERE table_name = 'outbox_event'";
        assertEquals(1, count("games", outboxTable));
        assertEquals(0, count("audit", outboxTable));
        assertEquals(0, count("trophies", outboxTable));
        // the relay's connection: LISTEN, then its backlog query at each wake-up
        String listeners = "SELECT count(*) FROM pg_stat_activity WHERE datname = '%s'"
                + " AND (query ILIKE 'LISTEN%%' OR query ILIKE '%%FROM outbox_event%%')";
        Awaitility.await("games-service relay listening").atMost(Duration.ofSeconds(30))
                .until(() -> count("postgres", listeners.formatted("games")) >= 1);
        assertEquals(0, count("postgres", listeners.formatted("audit")));
        assertEquals(0, count("postgres", listeners.formatted("trophies")));
    }

    // ---------------------------------------------------------------------------------------------------------------
    // A ban during a write-refusing fault of games-service's database

    /**
     * The reproduction: the projection's table refuses the ban (a CHECK added by mistake), so the ban used to
     * go to the DLQ for good and the banned token kept registering (201). Now the record is held and retried, and the
     * ban bites within 5 s of the constraint being dropped.
     */
    @Test
    @Order(1)
    void aBanRefusedByAConstraintIsAppliedWithinFiveSecondsOfItsRemoval() throws Exception {
        User gm = user("ban-gm", Role.PLAYER_NAME, Role.GM_NAME);
        User player = user("ban-player", Role.PLAYER_NAME);
        awaitProjected(gm, player);
        String slug = openGame(gm, 4);
        try (KafkaProbe dlq = KafkaProbe.open(Topics.USER_EVENTS + Topics.DLQ_SUFFIX)) {
            sql("games", "ALTER TABLE known_user ADD CONSTRAINT f CHECK (NOT banned) NOT VALID");
            Duration applied;
            try {
                ban(player);
                Thread.sleep(4_000);
                // held, not applied and not dead-lettered
                player.on(suite.games.baseUrl()).get("/api/v1/games/" + slug).then().statusCode(200);
            } finally {
                sql("games", "ALTER TABLE known_user DROP CONSTRAINT f");
            }
            applied = awaitRefused(player, slug);
            System.out.printf("[faults] ban held by a CHECK constraint: applied %d ms after the constraint was dropped%n",
                    applied.toMillis());
            assertTrue(applied.compareTo(BAN_BOUND) <= 0, "ban applied after " + applied);
            player.on(suite.games.baseUrl()).post("/api/v1/games/" + slug + "/registrations").then().statusCode(403);
            assertEquals(0, dlq.drain(Duration.ofMillis(500)).stream().filter(KafkaProbe.subject(player.id())).count(),
                    "the ban was dead-lettered");
        }
    }

    /** The same, with PostgreSQL itself restarted (8 s without a server) while the ban is consumed. */
    @Test
    @Order(2)
    void aBanConsumedWhilePostgresRestartsIsAppliedWithinFiveSecondsOfItsReturn() throws Exception {
        User gm = user("restart-gm", Role.PLAYER_NAME, Role.GM_NAME);
        User player = user("restart-player", Role.PLAYER_NAME);
        awaitProjected(gm, player);
        String slug = openGame(gm, 4);
        try (KafkaProbe dlq = KafkaProbe.open(Topics.USER_EVENTS + Topics.DLQ_SUFFIX)) {
            CompletableFuture<Void> restart = CompletableFuture.runAsync(() -> restartPostgres(Duration.ofSeconds(8)));
            Thread.sleep(2_000);
            ban(player);
            restart.get(120, TimeUnit.SECONDS);
            Duration applied = awaitRefused(player, slug);
            System.out.printf("[faults] ban during a PostgreSQL restart: applied %d ms after PostgreSQL was back%n",
                    applied.toMillis());
            assertTrue(applied.compareTo(BAN_BOUND) <= 0, "ban applied after " + applied);
            player.on(suite.games.baseUrl()).post("/api/v1/games/" + slug + "/registrations").then().statusCode(403);
            assertEquals(0, dlq.drain(Duration.ofMillis(500)).stream().filter(KafkaProbe.subject(player.id())).count(),
                    "the ban was dead-lettered");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // audit-service: a PostgreSQL restart during ingestion, a poison record inside a batch

    @Test
    @Order(3)
    void tenThousandEventsIngestedAcrossAPostgresRestartAreTenThousandRowsAndNoDeadLetter() throws Exception {
        String marker = "pgr-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 10_000;
        try (KafkaProbe dlq = KafkaProbe.open(Topics.GAME_EVENTS + Topics.DLQ_SUFFIX)) {
            long began = System.nanoTime();
            CompletableFuture<Void> produced = CompletableFuture.runAsync(() -> produceGameEvents(marker, total, -1));
            Awaitility.await("ingestion under way").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .ignoreExceptions().until(() -> auditRows(marker) >= 500);
            long before = auditRows(marker);
            restartPostgres(Duration.ofSeconds(3));
            produced.get(180, TimeUnit.SECONDS);
            Awaitility.await("every event stored").atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(() -> auditRows(marker) >= total);
            ConsumerGroups.awaitCaughtUp(suite.stack.bootstrapServers(), "audit-service.timeline", Topics.GAME_EVENTS,
                    Duration.ofSeconds(120));
            long rows = auditRows(marker);
            long dead = dlq.drain(Duration.ofSeconds(1)).stream().filter(r -> r.value() != null
                    && r.value().contains(marker)).count();
            System.out.printf("[faults] audit ingest across a PostgreSQL restart (at %d rows): %d rows stored of %d,"
                    + " %d dead-lettered, %d s in all%n", before, rows, total, dead,
                    TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began));
            assertEquals(total, rows);
            assertEquals(0, dead);
        }
    }

    @Test
    @Order(4)
    void aRecordPostgresRefusesInTheMiddleOfABatchIsDeadLetteredAloneAndTheRestIsStored() throws Exception {
        String marker = "nul-" + UUID.randomUUID().toString().substring(0, 8);
        int total = 300;
        int poison = 150;
        try (KafkaProbe dlq = KafkaProbe.open(Topics.GAME_EVENTS + Topics.DLQ_SUFFIX)) {
            produceGameEvents(marker, total, poison);
            List<ConsumerRecord<String, String>> dead = dlq.await(r -> r.value() != null && r.value().contains(marker),
                    1, Duration.ofSeconds(120));
            Awaitility.await("the others stored").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> auditRows(marker) >= total - 1);
            ConsumerGroups.awaitCaughtUp(suite.stack.bootstrapServers(), "audit-service.timeline", Topics.GAME_EVENTS,
                    Duration.ofSeconds(60));
            List<ConsumerRecord<String, String>> allDead = new java.util.ArrayList<>(dead);
            dlq.drain(Duration.ofSeconds(1)).stream().filter(r -> r.value() != null && r.value().contains(marker))
                    .forEach(allDead::add);
            long deadCount = allDead.size();
            long deadRecords = allDead.stream().map(r -> KafkaProbe.header(r, "ce_id")).distinct().count();
            long rows = auditRows(marker);
            System.out.printf("[faults] NUL in event %d of %d: %d rows stored, %d dead-lettered (%s)%n", poison, total,
                    rows, deadCount, KafkaProbe.header(dead.get(0), "dead-letter-reason"));
            assertEquals(total - 1, rows);
            assertEquals(1, deadRecords, "only the poison record is dead-lettered");
            // Each consumer that refuses it dead-letters it (audit-service and trophies-service); a consumer whose
            // partition moves after it dead-lettered the record but before it committed does so again (the dead-
            // letter topic is at least once, like every delivery): so the count is not bounded, the record is.
            assertTrue(deadCount >= 1, "the poison record is dead-lettered");
            assertTrue(dead.get(0).value().contains("\\u0000"), "the dead letter is the poison record");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // trophies-service: its database away for longer than the old give-up

    /**
     * The awards consumer used to give a record up to the DLQ after 25 failed attempts (~10 min with its back-off):
     * the badges were never given. With trophies-service retrying at most every second (Suite.TROPHIES_MAX_BACKOFF),
     * 40 s without its database is well over 25 attempts; every badge is still given, once.
     */
    @Test
    @Order(5)
    void badgesArchivedWhileTheDatabaseIsAwayLongerThanTheOldGiveUpAreAllGivenOnce() throws Exception {
        List<String> gms = new ArrayList<>();
        List<String> players = new ArrayList<>();
        double retriedBefore = metric(suite.trophies().baseUrl(), "questmaster_consumer_retried_total",
                "trophies-awards");
        try (KafkaProbe dlq = KafkaProbe.open(Topics.GAME_EVENTS + Topics.DLQ_SUFFIX)) {
            sql("postgres", "ALTER DATABASE trophies ALLOW_CONNECTIONS false");
            sql("postgres", "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = 'trophies'");
            long away = System.nanoTime();
            try {
                for (int i = 0; i < 3; i++) {
                    String gm = Tokens.newUserId();
                    List<String> seats = List.of(Tokens.newUserId(), Tokens.newUserId());
                    gms.add(gm);
                    players.addAll(seats);
                    publishArchive(gm, seats);
                }
                Thread.sleep(40_000);
            } finally {
                sql("postgres", "ALTER DATABASE trophies ALLOW_CONNECTIONS true");
            }
            long downSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - away);
            Awaitility.await("badges given").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().untilAsserted(() -> {
                        for (String gm : gms) {
                            badges(gm).body("", hasSize(1)).body("[0].name", equalTo("Badge OS GM"))
                                    .body("[0].quantity", equalTo(1));
                        }
                        for (String player : players) {
                            badges(player).body("", hasSize(1)).body("[0].name", equalTo("Badge OS"))
                                    .body("[0].quantity", equalTo(1));
                        }
                    });
            double retried = metric(suite.trophies().baseUrl(), "questmaster_consumer_retried_total",
                    "trophies-awards") - retriedBefore;
            long dead = dlq.drain(Duration.ofSeconds(1)).stream().filter(r -> r.value() != null
                    && gms.stream().anyMatch(r.value()::contains)).count();
            System.out.printf("[faults] trophies database away %d s: %.0f attempts retried (the old consumer gave up"
                    + " after 25), %d badges given once each, %d dead-lettered%n", downSeconds, retried,
                    gms.size() + players.size(), dead);
            assertTrue(retried > 25, "only " + retried + " retries");
            assertEquals(0, dead);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The broker frozen for 30 s under writes

    @Test
    @Order(6)
    void withTheBrokerFrozenWritesSucceedHealthAnswersAndEveryEventArrivesInPerGameOrder() throws Exception {
        String games = suite.games.baseUrl();
        User gm = user("freeze-gm", Role.PLAYER_NAME, Role.GM_NAME);
        List<User> seats = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            seats.add(user("freeze-p" + i, Role.PLAYER_NAME));
        }
        awaitProjected(gm);
        seats.forEach(FaultsIT::awaitProjected);
        Map<String, String> gameIds = new LinkedHashMap<>();
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            String slug = openGame(gm, 10);
            gameIds.put(slug, given().baseUri(games).get("/api/v1/games/" + slug).then().statusCode(200)
                    .extract().jsonPath().getString("id"));
            expected.put(slug, new ArrayList<>());
        }
        // Their creation and publication are on Kafka before the probe starts reading: it sees only what follows.
        Awaitility.await("outbox drained").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> count("games", "SELECT count(*) FROM outbox_event WHERE sent_at IS NULL") == 0);
        int writes = 0;
        HealthWatch[] health = {HealthWatch.start(games), HealthWatch.start(suite.trophies().baseUrl()),
                HealthWatch.start(suite.audit.baseUrl())};
        try (KafkaProbe probe = KafkaProbe.open(Topics.GAME_EVENTS)) {
            suite.stack.freezeKafka();
            long frozenAt = System.nanoTime();
            double pendingSeen = 0;
            try {
                int round = 0;
                while (System.nanoTime() - frozenAt < TimeUnit.SECONDS.toNanos(30)) {
                    for (String slug : expected.keySet()) {
                        if (round < seats.size()) {
                            seats.get(round).on(games).post("/api/v1/games/" + slug + "/registrations").then()
                                    .statusCode(201);
                            expected.get(slug).add(GameEventData.Types.PLAYER_REGISTERED);
                        } else {
                            gm.on(games).body(Map.of("description", "Pendant la panne, tour " + round))
                                    .patch("/api/v1/games/" + slug).then().statusCode(200);
                            expected.get(slug).add(GameEventData.Types.UPDATED);
                        }
                        writes++;
                    }
                    round++;
                    if (round % 10 == 0) {
                        pendingSeen = Math.max(pendingSeen, metric(games, "questmaster_outbox_pending", null));
                    }
                    Thread.sleep(300);
                }
            } finally {
                suite.stack.thawKafka();
                for (HealthWatch watch : health) {
                    watch.stop();
                }
            }
            long resumed = System.nanoTime();
            Map<String, List<String>> seen = new LinkedHashMap<>();
            for (Map.Entry<String, List<String>> game : expected.entrySet()) {
                String id = gameIds.get(game.getKey());
                Set<String> eventIds = new LinkedHashSet<>();
                List<String> types = new ArrayList<>();
                Awaitility.await("events of " + id).atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                        .until(() -> {
                            eventIds.clear();
                            types.clear();
                            probe.drain(Duration.ofMillis(200)).stream().filter(KafkaProbe.subject(id)).forEach(r -> {
                                // a retried relay batch may deliver a record twice (consumers deduplicate); order holds
                                if (eventIds.add(KafkaProbe.header(r, CloudEvents.ID))) {
                                    types.add(KafkaProbe.header(r, CloudEvents.TYPE));
                                }
                            });
                            return types.size() >= game.getValue().size();
                        });
                seen.put(game.getKey(), List.copyOf(types));
            }
            System.out.printf("[faults] broker frozen 30 s: %d writes accepted, outbox pending up to %.0f, events"
                    + " delivered %d ms after the thaw; health: games %s; trophies %s; audit %s%n", writes,
                    pendingSeen, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - resumed), health[0].summary(),
                    health[1].summary(), health[2].summary());
            assertEquals(expected, seen);
            for (HealthWatch watch : health) {
                // UP throughout; within 1 s (a check waiting on the frozen broker would take seconds every time, a
                // rare answer just over 1 s is the loaded test machine: see HealthWatch)
                assertEquals(List.of(), watch.failures());
                assertTrue(watch.answers() > 30, watch.summary());
                assertTrue(watch.slowestMillis() < HealthWatch.WORST.toMillis(), watch.summary());
                assertTrue(watch.slowAnswers() <= watch.answers() / 10, watch.summary());
            }
            assertTrue(pendingSeen > 0, "questmaster_outbox_pending never showed the backlog");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static User user(String name, String... roles) {
        String id = Tokens.newUserId();
        String username = name + "-" + id.substring(id.length() - 5);
        UserEvents.created(id, username, roles);
        return new User(id, username, List.of(roles), Tokens.of(id, username, roles));
    }

    /** Waits until games-service's users projection has every user (their creation was consumed). */
    private static void awaitProjected(User... users) {
        Awaitility.await("users projected").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions().until(() -> {
                    for (User user : users) {
                        if (count("games", "SELECT count(*) FROM known_user WHERE id = '" + user.id() + "'") == 0) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    private static void ban(User user) {
        UserEvents.publish(UserEventData.Types.BANNED, user.id(), user.username(), true, user.roles());
    }

    /** Polls with the user's token until games-service refuses it (403); returns how long that took. */
    private static Duration awaitRefused(User user, String slug) {
        long since = System.nanoTime();
        Awaitility.await("token refused").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> user.on(suite.games.baseUrl()).get("/api/v1/games/" + slug)
                        .statusCode() == 403);
        return Duration.ofNanos(System.nanoTime() - since);
    }

    private static String openGame(User gm, int partySize) {
        Map<String, Object> game = OneShots.body("Panne " + UUID.randomUUID().toString().substring(0, 8),
                "Un one-shot sous panne.", systemId, partySize);
        String slug = gm.on(suite.games.baseUrl()).body(game).post("/api/v1/games").then().statusCode(201)
                .extract().path("slug");
        gm.on(suite.games.baseUrl()).body(Map.of()).post("/api/v1/games/" + slug + "/publish").then().statusCode(200);
        return slug;
    }

    private static io.restassured.response.ValidatableResponse badges(String userId) {
        return given().baseUri(suite.trophies().baseUrl()).when().get("/api/v1/users/" + userId + "/badges").then()
                .statusCode(200);
    }

    /** An archive with awards, as games-service publishes it. */
    private static void publishArchive(String gm, List<String> players) throws Exception {
        String gameId = Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50));
        GameEventData data = new GameEventData(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC),
                GameEventData.Actions.DELETE, gameId, "archive-" + gameId, "Archivée " + gameId, "oneshot", "archived",
                gm, players, gm, "L'annonce a été archivée.", true, null, null, GameEventData.SCHEMA_VERSION);
        KafkaProbe.produce(Topics.GAME_EVENTS, gameId, GameEventData.Types.ARCHIVED, CloudEvents.GAMES_SOURCE,
                Map.of(CloudEvents.ID, data.eventId().toString()), JSON.writeValueAsString(data));
    }

    /**
     * Produces {@code total} game events (100 games, their slug starting with {@code marker}) as fast as the broker
     * takes them; event number {@code poisonIndex} (if not -1) has a NUL character in its description, which the
     * reader accepts and PostgreSQL refuses.
     */
    private static void produceGameEvents(String marker, int total, int poisonIndex) {
        Map<String, Object> config = Map.of("bootstrap.servers", suite.stack.bootstrapServers(), "acks", "all",
                "linger.ms", "5");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            String gm = Tokens.newUserId();
            long firstGame = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>(total);
            for (int i = 0; i < total; i++) {
                long gameId = firstGame + i % 100;
                GameEventData data = new GameEventData(UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC),
                        GameEventData.Actions.EDIT, Long.toString(gameId), marker + "-" + gameId, "Partie " + gameId,
                        "oneshot", "open", gm, List.of(), gm,
                        i == poisonIndex ? "Avant\u0000après" : "Modification " + i + ".", null, null, null,
                        GameEventData.SCHEMA_VERSION);
                ProducerRecord<String, String> record = new ProducerRecord<>(Topics.GAME_EVENTS,
                        Long.toString(gameId), JSON.writeValueAsString(data));
                header(record, CloudEvents.SPEC_VERSION, "1.0");
                header(record, CloudEvents.ID, data.eventId().toString());
                header(record, CloudEvents.SOURCE, CloudEvents.GAMES_SOURCE);
                header(record, CloudEvents.TYPE, GameEventData.Types.UPDATED);
                header(record, CloudEvents.TIME, data.occurredAt().toString());
                header(record, CloudEvents.SUBJECT, Long.toString(gameId));
                header(record, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
                acks.add(producer.send(record));
            }
            for (var ack : acks) {
                ack.get(120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce the game events", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static long auditRows(String marker) throws SQLException {
        return count("audit", "SELECT count(*) FROM game_event WHERE game_slug LIKE '" + marker + "-%'");
    }

    private static void restartPostgres(Duration down) {
        try {
            suite.stack.restartPostgres(down);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(suite.stack.jdbcUrl(database), "postgres", "postgres");
    }

    private static void sql(String database, String statement) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static long count(String database, String query) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A counter or gauge from a service's /q/metrics (summed over its series, or the one of this consumer). */
    private static double metric(String baseUrl, String name, String consumer) {
        String body = given().baseUri(baseUrl).get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .filter(line -> consumer == null || line.contains("consumer=\"" + consumer + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
