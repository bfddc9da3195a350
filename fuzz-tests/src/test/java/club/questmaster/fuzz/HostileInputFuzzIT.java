package club.questmaster.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import club.questmaster.fuzz.OpenApi.Operation;
import club.questmaster.fuzz.OpenApi.Param;
import club.questmaster.platform.messaging.Topics;
import club.questmaster.platform.testing.KafkaProbe;
import club.questmaster.platform.web.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 §3, contract §6 "Input": every operation of the four services' OpenAPI documents, read from the running
 * services, gets valid requests with ONE field (body field at any depth, query or path parameter) mutated at a time
 * ({@link Mutation}), as anonymous, player, gm and admin. Every answer must be below 500; every 4xx must be
 * problem+json with a contract code; after a 4xx the resource must read back the same and no event may reach Kafka.
 *
 * <p>Its cost is bounded (every pair once, repeats up to {@code -Dfuzz.max-per-operation}); run more with
 * {@code -Dfuzz.rounds=}; seed {@code -Dfuzz.seed=} (printed by every run). Commands: this module's README.
 */
class HostileInputFuzzIT {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> CODES = Arrays.stream(ErrorCode.values()).map(Enum::name)
            .collect(Collectors.toSet());
    private static final AtomicInteger SEQ = new AtomicInteger();
    static final List<String> ROLES = List.of("anonymous", "player", "gm", "admin");
    /** The bootstrap superuser, for the operations none of the four roles may call. */
    static final String SUPERUSER = "superuser";
    static final int DEFAULT_MAX_PER_OPERATION = 240;
    /** Mutated requests per operation and round (the bound of its cost in ./mvnw verify). */
    static final int MAX_PER_OPERATION = Integer.getInteger("fuzz.max-per-operation", DEFAULT_MAX_PER_OPERATION);
    /** Rounds, each with fresh draws ({@code -Dfuzz.rounds=10} to run more). */
    static final int ROUNDS = Integer.getInteger("fuzz.rounds", 1);
    /** Requests every role gets per operation before the roles refused for all of them are dropped. */
    static final int PROBE = 6;

    private static FuzzStack stack;
    private static final Map<String, Map<String, String>> logins = new LinkedHashMap<>(); // role -> login body
    private static final Map<String, String> tokens = new LinkedHashMap<>(); // role -> access token
    private static long tokensAt;
    private static Map<String, String> ids;    // role -> user id
    private static long systemId;
    private static long vttId;
    private static long specialEventId;
    private static long seed;

    record Finding(String kind, String where, String detail) {
        @Override
        public String toString() {
            return kind + " | " + where + " | " + detail;
        }
    }

    /**
     * The path values one operation is fuzzed against, fresh for each operation. {@code callers} (role to access
     * token) replaces the shared role accounts for the operations that act on the caller's own account (see
     * {@link #actsOnTheCaller}); {@code callerIds} are their users, whose creation events are awaited too.
     */
    record Fixture(Map<String, String> byParam, String eventKey, int events, Map<String, String> callers,
            List<String> callerIds) {
        Fixture(Map<String, String> byParam, String eventKey, int events) {
            this(byParam, eventKey, events, Map.of(), List.of());
        }

        /** The bearer token the role sends on this fixture's operation (null for anonymous). */
        String token(String role) {
            String own = callers.get(role);
            return own != null ? own : HostileInputFuzzIT.token(role);
        }
    }

    private final List<Finding> findings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, AtomicInteger> statuses = new TreeMap<>();

    @BeforeAll
    static void startTheSuite() throws Exception {
        seed = Long.getLong("fuzz.seed", 20261201L);
        long start = System.nanoTime();
        stack = FuzzStack.start();
        System.out.printf("FUZZ: suite up in %d s%n", (System.nanoTime() - start) / 1_000_000_000);
        String users = stack.url("users-service");
        logins.put(SUPERUSER, Map.of("username", "admin", "password", FuzzStack.ADMIN_PASSWORD));
        ids = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> role : Map.of("player", List.of("player"), "gm", List.of("player", "gm"),
                "admin", List.of("player", "gm", "admin")).entrySet()) {
            String username = "fz_" + role.getKey();
            JsonNode created = Http.ok("POST", users + "/api/v1/admin/users", token(SUPERUSER),
                    Map.of("username", username, "password", "Correct-Horse-42", "roles", role.getValue()));
            ids.put(role.getKey(), created.get("id").asText());
            logins.put(role.getKey(), Map.of("username", username, "password", "Correct-Horse-42"));
        }
        String games = stack.url("games-service");
        String admin = token("admin");
        systemId = Http.ok("POST", games + "/api/v1/systems", admin, Map.of("name", "Fuzz system")).get("id").asLong();
        vttId = Http.ok("POST", games + "/api/v1/vtts", admin, Map.of("name", "Fuzz vtt")).get("id").asLong();
        specialEventId = Http.ok("POST", games + "/api/v1/special-events", admin, Map.of("name", "Fuzz event"))
                .get("id").asLong();
        // The gm must be known to games-service's users projection (fed through Kafka) before games are posted.
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (Http.send("POST", games + "/api/v1/games", token("gm"), Http.JSON.writeValueAsString(
                gameBody())).status() != 201 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /**
     * The role's access token (null for anonymous). Tokens live 15 min: all are taken again after 10, so that a long
     * run ({@code -Dfuzz.rounds=}) never fuzzes with expired ones.
     */
    static synchronized String token(String role) {
        if (System.nanoTime() - tokensAt > Duration.ofMinutes(10).toNanos()) {
            tokens.clear();
            tokensAt = System.nanoTime();
        }
        Map<String, String> login = logins.get(role);
        return login == null ? null : tokens.computeIfAbsent(role, r -> Http.ok("POST",
                stack.url("users-service") + "/api/v1/auth/login", null, login).get("access_token").asText());
    }

    @AfterAll
    static void stopTheSuite() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, Object> gameBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Fuzz game " + SEQ.incrementAndGet());
        body.put("type", "oneshot");
        body.put("system_id", systemId);
        body.put("vtt_id", vttId);
        body.put("description", "Une partie pour le fuzz.");
        body.put("party_size", 4);
        body.put("date", future(30).toString());
        body.put("session_length", 3);
        return body;
    }

    private static ObjectNode candidateSession(int days) {
        return JSON.objectNode().put("start", future(days).toString()).put("end", future(days).plusHours(3).toString());
    }

    private static OffsetDateTime future(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withHour(18).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void noMutatedRequestGetsA5xxOrChangesState() throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<Integer>> runs = new ArrayList<>();
        for (String service : FuzzStack.SERVICES) {
            runs.add(CompletableFuture.supplyAsync(() -> fuzz(service)));
        }
        int mutated = runs.stream().mapToInt(CompletableFuture::join).sum();
        long seconds = (System.nanoTime() - start) / 1_000_000_000;

        Map<String, List<Finding>> byKind = findings.stream().collect(Collectors.groupingBy(Finding::kind,
                TreeMap::new, Collectors.toList()));
        System.out.printf("FUZZ: seed %d; %d mutated requests, %d HTTP requests in all (setup, read-backs included) in"
                + " %d s%n", seed, mutated, Http.SENT.get(), seconds);
        synchronized (statuses) {
            System.out.printf("FUZZ: statuses %s%n", statuses);
        }
        byKind.forEach((kind, list) -> {
            System.out.printf("FUZZ: %d x %s%n", list.size(), kind);
            list.stream().map(Finding::where).distinct().sorted().forEach(w -> System.out.printf("FUZZ:     %s%n", w));
        });
        findings.stream().limit(40).forEach(f -> System.out.printf("FUZZ: example %s%n", f));
        assertTrue(findings.isEmpty(), findings.size() + " findings (see FUZZ: lines above)");
    }

    private int fuzz(String service) {
        String base = stack.url(service);
        JsonNode doc = Http.ok("GET", base + "/q/openapi?format=json", null, null);
        List<Operation> ops = withPatchSchemas(OpenApi.operations(service, doc));
        Set<String> readable = ops.stream().filter(o -> o.method().equals("GET")).map(Operation::path)
                .collect(Collectors.toSet());
        Random random = new Random(seed ^ service.hashCode());
        int sent = 0;
        Budget budget = new Budget();
        try (KafkaProbe gameEvents = KafkaProbe.open(Topics.GAME_EVENTS);
                KafkaProbe userEvents = KafkaProbe.open(Topics.USER_EVENTS)) {
            KafkaProbe probe = service.equals("users-service") ? userEvents
                    : service.equals("games-service") ? gameEvents : null;
            for (Operation op : ops) {
                Fixture fixture = fixture(service, op);
                String readBack = readBackPath(op, readable);
                if (probe != null && fixture.eventKey() != null) {
                    // The fixture's own events (relayed from the outbox) must be in before the count starts.
                    probe.await(KafkaProbe.subject(fixture.eventKey()), fixture.events(), Duration.ofSeconds(30));
                    for (String caller : fixture.callerIds()) {
                        probe.await(KafkaProbe.subject(caller), 1, Duration.ofSeconds(30));
                    }
                }
                int before = probe == null ? 0 : probe.drain(Duration.ofMillis(100)).size();
                ReadBack watch = new ReadBack(service, base, op, readBack, fixture);
                for (int round = 0; round < ROUNDS; round++) {
                    sent += fuzzOperation(op, random, base, budget, watch);
                }
                System.out.printf("FUZZ: %s: %s%n", op.id(), watch.statuses);
                if (probe != null && op.writes() && !watch.accepted) {
                    List<?> seen = probe.drain(Duration.ofMillis(400));
                    if (seen.size() > before) {
                        findings.add(new Finding("event on Kafka after 4xx only", op.id(),
                                (seen.size() - before) + " record(s)"));
                    }
                }
            }
        }
        System.out.printf("FUZZ: %s: %d operations, %d mutated requests; budget %d per operation and round, %d round(s):"
                + " %d repeats as another role left out; %d (operation, role) refused before the input was read;"
                + " fuzzed as the superuser (refused to all four roles): %s%n", service, ops.size(), sent,
                MAX_PER_OPERATION, ROUNDS, budget.leftOut, budget.refusedRoles, budget.refusedToAll);
        return sent;
    }

    /**
     * Checks each answer; after a 4xx to a write, reads the resource it addresses back (as admin): it must read the
     * same as before. A 2xx is allowed to change it (the snapshot is taken again).
     */
    private final class ReadBack {
        private final String service;
        private final String base;
        private final Operation op;
        private final String path;
        private Fixture fixture;
        private String snapshot;
        /** A write was accepted (its fixture was then replaced by a fresh one). */
        boolean accepted;
        /** Bumped whenever the fixture is replaced: the requests drawn against the old one are drawn again. */
        int generation;
        final Map<Integer, Integer> statuses = new TreeMap<>();

        ReadBack(String service, String base, Operation op, String path, Fixture fixture) {
            this.service = service;
            this.base = base;
            this.op = op;
            this.path = path;
            this.fixture = fixture;
            this.snapshot = path == null ? null : read(base, path, fixture);
        }

        Fixture current() {
            return fixture;
        }

        void accept(String where, Http.Answer answer) {
            check(where, answer);
            statuses.merge(answer.status(), 1, Integer::sum);
            if (answer.status() >= 200 && answer.status() < 300) {
                if (op.writes()) {
                    // An accepted write may have changed what the next requests meet (a new gm, a closed game):
                    // they get a fresh fixture, so each mutation meets the valid state it was built for.
                    accepted = true;
                    fixture = fixture(service, op);
                    generation++;
                    snapshot = path == null ? null : read(base, path, fixture);
                }
            } else if (op.writes() && snapshot != null) {
                String now = read(base, path, fixture);
                if (!snapshot.equals(now)) {
                    findings.add(new Finding("state changed after a " + answer.status(), where, path));
                    snapshot = now;
                }
            }
        }
    }

    /** What the budget left out, for the summary. */
    static final class Budget {
        /** (pair, role) sends the budget left out. */
        int leftOut;
        int refusedRoles;
        /** Operations all four roles were refused (superuser only): the superuser fuzzed their input. */
        final List<String> refusedToAll = new ArrayList<>();
    }

    /**
     * One round over one operation. Every (target, mutation) pair is drawn once, in a seeded order. The first
     * {@link #PROBE} pairs go to every role: a role refused (401/403) for all of them is refused before its input is
     * read, so it gets no more of this operation's pairs (when all four are, as for superuser-only operations, the
     * bootstrap superuser takes their place). The other pairs go to the remaining roles in turn, then again with the
     * next role, until each such role has had each pair or the operation's budget ({@code -Dfuzz.max-per-operation},
     * default {@value #DEFAULT_MAX_PER_OPERATION}) is spent. Every pair is sent at least once as a role that reaches
     * the input, whatever the budget: it bounds the repeats only. Each send draws its hostile value afresh.
     */
    private int fuzzOperation(Operation op, Random random, String base, Budget budget, ReadBack watch) {
        int pairs = mutations(op, watch.current(), random).size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pairs; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        int probed = Math.min(PROBE, pairs);
        // Every pair goes once to a role that reaches the input whatever the budget; it bounds the repeats.
        int limit = Math.max(MAX_PER_OPERATION, probed * ROLES.size() + pairs - probed);
        int sent = 0;
        List<String> reaching = new ArrayList<>();
        for (String role : ROLES) {
            Drawn drawn = new Drawn(op, random, watch);
            boolean refused = probed > 0;
            for (int i = 0; i < probed; i++) {
                Http.Answer answer = send(op, base, drawn.get(order.get(i)), role, watch);
                sent++;
                refused &= answer.status() == 401 || answer.status() == 403;
            }
            if (refused) {
                budget.refusedRoles++;
            } else {
                reaching.add(role);
            }
        }
        int from = probed;
        if (reaching.isEmpty() && probed > 0) {
            budget.refusedToAll.add(op.id());
            reaching.add(SUPERUSER);
            from = 0; // the superuser had no probe
            limit += probed;
        }
        int planned = (pairs - from) * reaching.size();
        for (int pass = 0; pass < reaching.size(); pass++) {
            Drawn drawn = new Drawn(op, random, watch);
            for (int i = from; i < pairs; i++) {
                if (sent >= limit) {
                    break;
                }
                send(op, base, drawn.get(order.get(i)), reaching.get((i + pass) % reaching.size()), watch);
                sent++;
                planned--;
            }
        }
        budget.leftOut += planned;
        return sent;
    }

    /** One pass's drawn requests, drawn again against the new fixture whenever an accepted write replaced it. */
    private final class Drawn {
        private final Operation op;
        private final Random random;
        private final ReadBack watch;
        private int generation = -1;
        private List<Request> requests;

        Drawn(Operation op, Random random, ReadBack watch) {
            this.op = op;
            this.random = random;
            this.watch = watch;
        }

        Request get(int index) {
            if (generation != watch.generation) {
                requests = mutations(op, watch.current(), random);
                generation = watch.generation;
            }
            return requests.get(index);
        }
    }

    private Http.Answer send(Operation op, String base, Request request, String role, ReadBack after) {
        Http.Answer answer = Http.send(op.method(), base + request.url(), after.current().token(role),
                request.body());
        after.accept(op.id() + " " + request.where() + " " + request.mutation() + " as " + role, answer);
        return answer;
    }

    private void check(String where, Http.Answer answer) {
        synchronized (statuses) {
            statuses.computeIfAbsent(Integer.toString(answer.status()), s -> new AtomicInteger()).incrementAndGet();
        }
        if (answer.status() < 0 || answer.status() >= 500) {
            findings.add(new Finding(answer.status() < 0 ? "no answer" : answer.status() + " answer", where,
                    snippet(answer.body())));
            return;
        }
        if (answer.status() >= 400) {
            JsonNode problem = answer.json();
            if (!answer.contentType().startsWith("application/problem+json") || problem == null
                    || !CODES.contains(problem.path("code").asText())) {
                findings.add(new Finding("4xx without a problem+json contract code", where,
                        answer.status() + " " + answer.contentType() + " " + snippet(answer.body())));
            }
        }
    }

    private static String snippet(String body) {
        String oneLine = body == null ? "" : body.replace('\n', ' ');
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }

    /**
     * A PATCH documented with an untyped object body (a JSON tree merged over the resource) gets the body schema of
     * the POST that creates the resource (the parent path's POST), so its fields are fuzzed one by one too.
     */
    private static List<Operation> withPatchSchemas(List<Operation> ops) {
        List<Operation> out = new ArrayList<>();
        for (Operation op : ops) {
            if (op.method().equals("PATCH") && (op.body() == null || !op.body().has("properties"))) {
                String parent = op.path().substring(0, op.path().lastIndexOf('/'));
                JsonNode created = ops.stream().filter(o -> o.method().equals("POST") && o.path().equals(parent))
                        .map(Operation::body).filter(b -> b != null && b.has("properties")).findFirst().orElse(null);
                if (created != null) {
                    out.add(new Operation(op.service(), op.method(), op.path(), op.params(), created));
                    continue;
                }
            }
            out.add(op);
        }
        return out;
    }

    /** GET of the longest prefix of the operation's path that the service can read (the resource it changes). */
    private static String readBackPath(Operation op, Set<String> readable) {
        if (!op.writes()) {
            return null;
        }
        if (op.service().equals("trophies-service") && op.path().startsWith("/api/v1/users/{id}")) {
            return "/api/v1/users/{id}/badges";
        }
        List<String> segments = new ArrayList<>(List.of(op.path().split("/")));
        while (segments.size() > 3) {
            String candidate = String.join("/", segments);
            if (readable.contains(candidate)) {
                return candidate;
            }
            segments.remove(segments.size() - 1);
        }
        return null;
    }

    private static String read(String base, String template, Fixture fixture) {
        Http.Answer a = Http.send("GET", base + fill(template, fixture.byParam(), Map.of()), fixture.token("admin"),
                null);
        JsonNode json = a.json();
        return a.status() + " " + (json == null ? a.body() : json.toString());
    }

    private static String fill(String template, Map<String, String> values, Map<String, String> overrides) {
        String path = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            String value = overrides.getOrDefault(v.getKey(), URLEncoder.encode(v.getValue(), StandardCharsets.UTF_8));
            path = path.replace("{" + v.getKey() + "}", value);
        }
        return path;
    }

    // Fixtures: fresh resources per operation, so that a mutation that is accepted (2xx) cannot spoil the next one.

    private Fixture fixture(String service, Operation op) {
        Map<String, String> values = new LinkedHashMap<>();
        String admin = token("admin");
        switch (service) {
            case "users-service" -> {
                JsonNode target = Http.ok("POST", stack.url(service) + "/api/v1/admin/users", admin,
                        Map.of("username", "fz_t" + SEQ.incrementAndGet(), "password", "Correct-Horse-42",
                                "roles", List.of("player")));
                values.put("id", target.get("id").asText());
                if (op.path().contains("{sid}")) {
                    // A session of the target: it logs in once, and the admin reads the session's id back.
                    String username = target.get("username").asText();
                    Http.ok("POST", stack.url(service) + "/api/v1/auth/login", null,
                            Map.of("username", username, "password", "Correct-Horse-42"));
                    JsonNode sessions = Http.ok("GET", stack.url(service) + "/api/v1/admin/users/"
                            + target.get("id").asText() + "/sessions", admin, null);
                    values.put("sid", sessions.get(0).get("id").asText());
                }
                if (actsOnTheCaller(op)) {
                    return withOwnCallers(service, values, target.get("id").asText());
                }
                return new Fixture(values, target.get("id").asText(), 1);
            }
            case "games-service" -> {
                String games = stack.url(service);
                JsonNode game = Http.ok("POST", games + "/api/v1/games", token("gm"), gameBody());
                String slug = game.get("slug").asText();
                JsonNode published = Http.ok("POST", games + "/api/v1/games/" + slug + "/publish", token("gm"),
                        Map.of());
                int registered = Http.send("POST", games + "/api/v1/games/" + slug + "/registrations",
                        token("player"), null).status() == 201 ? 1 : 0;
                values.put("slug", slug);
                values.put("user_id", ids.get("player"));
                values.put("id", op.path().contains("/sessions/")
                        ? published.get("sessions").get(0).get("id").asText()
                        : op.path().startsWith("/api/v1/vtts") ? Long.toString(vttId)
                        : op.path().startsWith("/api/v1/special-events") ? Long.toString(specialEventId)
                        : Long.toString(systemId));
                return new Fixture(values, game.get("id").asText(), 2 + registered);
            }
            case "trophies-service" -> {
                String trophies = stack.url(service);
                JsonNode trophy = Http.ok("POST", trophies + "/api/v1/trophies", admin,
                        Map.of("name", "Fuzz trophy " + SEQ.incrementAndGet()));
                String holder = "4" + String.format("%017d", SEQ.incrementAndGet());
                Http.ok("POST", trophies + "/api/v1/users/" + holder + "/trophies", admin,
                        Map.of("trophy_id", trophy.get("id").asLong()));
                values.put("trophy_id", trophy.get("id").asText());
                values.put("id", op.path().startsWith("/api/v1/users/") ? holder : trophy.get("id").asText());
            }
            default -> {
                values.put("game_id", "1");
                values.put("id", "1");
            }
        }
        return new Fixture(values, null, 0);
    }

    /**
     * A write to the caller's own account (erasure, revoking one's sessions or tokens, …): an accepted one may erase
     * the account or revoke the tokens the roles send, so each role sends it from an account of its own, made for the
     * fixture (and made again after an accepted write), never from the accounts every other operation uses.
     */
    static boolean actsOnTheCaller(Operation op) {
        return op.service().equals("users-service") && op.writes()
                && (op.path().equals("/api/v1/users/me") || op.path().startsWith("/api/v1/users/me/"));
    }

    private Fixture withOwnCallers(String service, Map<String, String> values, String targetId) {
        String users = stack.url(service);
        Map<String, String> callers = new LinkedHashMap<>();
        List<String> callerIds = new ArrayList<>();
        for (Map.Entry<String, List<String>> role : Map.of("player", List.of("player"), "gm", List.of("player", "gm"),
                "admin", List.of("player", "gm", "admin")).entrySet()) {
            String username = "fz_own" + SEQ.incrementAndGet();
            JsonNode created = Http.ok("POST", users + "/api/v1/admin/users", token(SUPERUSER),
                    Map.of("username", username, "password", "Correct-Horse-42", "roles", role.getValue()));
            callerIds.add(created.get("id").asText());
            callers.put(role.getKey(), Http.ok("POST", users + "/api/v1/auth/login", null,
                    Map.of("username", username, "password", "Correct-Horse-42")).get("access_token").asText());
        }
        return new Fixture(values, targetId, 1, callers, callerIds);
    }

    // Requests: one mutation each.

    record Request(String url, String body, String where, Mutation mutation) {
    }

    private List<Request> mutations(Operation op, Fixture fixture, Random random) {
        List<Request> out = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if (p.in().equals("query")) {
                query.put(p.name(), validParameter(p.name(), p.schema(), fixture));
            }
        }
        String validPath = fill(op.path(), fixture.byParam(), Map.of());
        JsonNode validBody = op.body() == null ? null : validValue("", op.body(), fixture);
        String bodyText = validBody == null ? null : validBody.toString();
        for (Param p : op.params()) {
            if (!p.in().equals("query") && !p.in().equals("path")) {
                continue;
            }
            for (Mutation m : Mutation.PER_PARAMETER) {
                String value = encodeKeepingNul(m.parameter(p.schema(), random));
                if (p.in().equals("path")) {
                    out.add(new Request(fill(op.path(), fixture.byParam(), Map.of(p.name(), value))
                            + queryString(query, null, null), bodyText, "path " + p.name(), m));
                } else {
                    out.add(new Request(validPath + queryString(query, p.name(), value), bodyText, "query " + p.name(),
                            m));
                }
            }
        }
        if (validBody != null) {
            String url = validPath + queryString(query, null, null);
            for (Map.Entry<String, JsonNode> field : fields("", op.body(), validBody)) {
                for (Mutation m : Mutation.PER_FIELD) {
                    JsonNode mutated = replace(validBody, field.getKey(), m.value(field.getValue(),
                            at(validBody, field.getKey()), random));
                    if (op.method().equals("PATCH") && mutated.isObject()) {
                        // A partial update: only the field being mutated (with its enclosing top-level field).
                        String top = steps(field.getKey()).get(0);
                        mutated = JSON.objectNode().set(top, mutated.get(top));
                    }
                    out.add(new Request(url, mutated.toString(), "body " + field.getKey(), m));
                }
            }
            if (validBody.isObject()) {
                out.add(new Request(url, Mutation.unknownField((ObjectNode) validBody).toString(), "body",
                        Mutation.UNKNOWN_FIELD));
                List<Map.Entry<String, JsonNode>> all = fields("", op.body(), validBody);
                if (!all.isEmpty()) {
                    String field = all.get(random.nextInt(all.size())).getKey();
                    out.add(new Request(url, replace(validBody, field, Mutation.LONG_STRING.value(null, null, random))
                            .toString(), "body " + field, Mutation.LONG_STRING));
                }
            }
            out.add(new Request(url, "null", "body", Mutation.NULL));
            out.add(new Request(url, Mutation.nested(64).toString(), "body", Mutation.DEEP_NESTING));
            out.add(new Request(url, "[" + bodyText + "]", "body", Mutation.ARRAY_FOR_SCALAR));
        }
        return out;
    }

    /** URL-encodes a drawn value, except the {@code %00} it may carry on purpose. */
    private static String encodeKeepingNul(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("%2500", "%00");
    }

    private static String queryString(Map<String, String> valid, String mutatedName, String mutatedValue) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> p : valid.entrySet()) {
            boolean mutated = p.getKey().equals(mutatedName);
            String value = mutated ? mutatedValue : p.getValue();
            if (value == null) {
                continue;
            }
            q.append(q.isEmpty() ? "?" : "&").append(p.getKey()).append('=')
                    // A mutated value is sent as drawn (it may carry %00 on purpose); valid ones are encoded.
                    .append(mutated ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    /** Each field of the body (dotted paths, [0] for the first item), with its schema. */
    private static List<Map.Entry<String, JsonNode>> fields(String prefix, JsonNode schema, JsonNode valid) {
        List<Map.Entry<String, JsonNode>> out = new ArrayList<>();
        if (valid == null) {
            return out;
        }
        if (valid.isObject()) {
            valid.fields().forEachRemaining(f -> {
                String path = prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey();
                JsonNode fieldSchema = propertySchema(schema, f.getKey());
                out.add(Map.entry(path, fieldSchema == null ? JSON.objectNode() : fieldSchema));
                if (prefix.split("\\.").length < 3) {
                    out.addAll(fields(path, fieldSchema, f.getValue()));
                }
            });
        } else if (valid.isArray() && valid.size() > 0) {
            String path = prefix + "[0]";
            JsonNode items = schema == null ? null : schema.get("items");
            out.add(Map.entry(path, items == null ? JSON.objectNode() : items));
        }
        return out;
    }

    private static JsonNode propertySchema(JsonNode schema, String snakeName) {
        if (schema == null) {
            return null;
        }
        JsonNode props = schema.get("properties");
        if (props != null) {
            var it = props.fields();
            while (it.hasNext()) {
                var p = it.next();
                if (snake(p.getKey()).equals(snakeName)) {
                    return p.getValue();
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        return additional != null && additional.isObject() ? additional : null;
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode current = root;
        for (String part : steps(path)) {
            current = part.startsWith("[") ? current.path(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : current.path(part);
        }
        return current.isMissingNode() ? null : current;
    }

    private static List<String> steps(String path) {
        List<String> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            if (bracket < 0) {
                steps.add(part);
            } else {
                if (bracket > 0) {
                    steps.add(part.substring(0, bracket));
                }
                steps.add(part.substring(bracket));
            }
        }
        return steps;
    }

    private static JsonNode replace(JsonNode root, String path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        List<String> steps = steps(path);
        JsonNode parent = copy;
        for (int i = 0; i < steps.size() - 1; i++) {
            String part = steps.get(i);
            parent = part.startsWith("[") ? parent.get(Integer.parseInt(part.substring(1, part.length() - 1)))
                    : parent.get(part);
        }
        String last = steps.get(steps.size() - 1);
        if (last.startsWith("[")) {
            ((com.fasterxml.jackson.databind.node.ArrayNode) parent).set(
                    Integer.parseInt(last.substring(1, last.length() - 1)), value);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        return copy;
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    // Valid values: from the schema (enum, type, format, bounds), with the contract's meaning of well-known names.

    private JsonNode validValue(String name, JsonNode schema, Fixture fixture) {
        JsonNode hinted = hint(name, fixture);
        if (hinted != null) {
            return hinted;
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        return switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                if (schema.has("properties")) {
                    schema.get("properties").fields().forEachRemaining(p -> {
                        if (!p.getValue().path("readOnly").asBoolean(false)) {
                            object.set(snake(p.getKey()), validValue(snake(p.getKey()), p.getValue(), fixture));
                        }
                    });
                }
                yield object;
            }
            case "array" -> JSON.arrayNode().add(validValue(name, schema.path("items"), fixture));
            case "integer" -> JSON.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asLong()) : 1);
            case "number" -> JSON.numberNode(schema.has("minimum") ? Math.max(1, schema.get("minimum").asDouble()) : 1);
            case "boolean" -> JSON.booleanNode(false);
            default -> schema.path("format").asText().equals("date-time") ? JSON.textNode(future(40).toString())
                    : JSON.textNode("fuzz" + SEQ.incrementAndGet());
        };
    }

    private JsonNode hint(String name, Fixture fixture) {
        return switch (name) {
            case "gm_id" -> JSON.textNode(ids.get("gm"));
            case "user_id", "player_id" -> JSON.textNode(ids.get("player"));
            case "system_id" -> JSON.numberNode(systemId);
            case "vtt_id" -> JSON.numberNode(vttId);
            case "special_event_id" -> JSON.numberNode(specialEventId);
            case "trophy_id" -> JSON.numberNode(Long.parseLong(fixture.byParam().getOrDefault("trophy_id", "1")));
            case "date", "start" -> JSON.textNode(future(40).toString());
            case "end" -> JSON.textNode(future(40).plusHours(3).toString());
            case "not_player_as_of" -> JSON.textNode(future(400).toString());
            case "username" -> JSON.textNode("fz_u" + SEQ.incrementAndGet());
            case "password" -> JSON.textNode("Correct-Horse-42");
            case "roles" -> JSON.arrayNode().add("player");
            case "type" -> JSON.textNode("oneshot");
            case "session_length" -> JSON.numberNode(3);
            case "party_size", "quantity" -> JSON.numberNode(2);
            case "color" -> JSON.numberNode(255);
            case "classification" -> JSON.objectNode().put("action", 1).put("investigation", 1)
                    .put("interaction", 1).put("horror", 1);
            case "ambience" -> JSON.arrayNode().add("epic");
            case "img", "icon" -> JSON.textNode("https://example.org/fuzz.png");
            case "restriction" -> JSON.textNode("all");
            case "xp" -> JSON.textNode("all");
            case "frequency" -> JSON.textNode("weekly");
            case "characters" -> JSON.textNode("pregen");
            case "scopes" -> JSON.arrayNode().add("games:read");
            case "permissions" -> JSON.arrayNode().add("view_audit");
            case "closes_at" -> JSON.textNode(future(20).toString());
            // a poll offers 2-20 candidate sessions, each valid as a session
            case "options" -> JSON.arrayNode().add(candidateSession(41)).add(candidateSession(42));
            default -> null;
        };
    }

    private static String validParameter(String name, JsonNode schema, Fixture fixture) {
        return switch (name) {
            case "page" -> "1";
            case "per_page" -> "20";
            case "year" -> "2026";
            case "month" -> "3";
            case "start", "from" -> "2026-03-01";
            case "end", "to" -> "2026-04-01";
            case "gm_id" -> ids.get("gm");
            case "player_id", "user_id" -> ids.get("player");
            case "ids" -> ids.get("player") + "," + ids.get("gm");
            case "game" -> fixture.byParam().getOrDefault("slug", "x");
            case "active", "banned" -> "true";
            case "status" -> "open";
            case "type" -> "oneshot";
            case "restriction" -> "all";
            case "role" -> "player";
            case "action" -> "create";
            case "game_id" -> fixture.byParam().getOrDefault("game_id", "1");
            case "system_id" -> Long.toString(systemId);
            case "vtt_id" -> Long.toString(vttId);
            case "special_event_id" -> Long.toString(specialEventId);
            default -> schema != null && schema.has("enum") ? schema.get("enum").get(0).asText() : "a";
        };
    }

    static Set<String> codes() {
        return new LinkedHashSet<>(CODES);
    }
}
