package club.questmaster.benchmarks;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * P3 events. Latency: game events committed into games-service's outbox (the very INSERT its OutboxWriter runs, in
 * its own transaction, as a registration's commit would) at a steady 200 and 1 000 events/s; from each commit to its
 * row being readable in audit's database, and, for the archives among them (one in ten, award_trophies true), to the
 * award in trophies' database. Ingest: a 50 000-event backlog produced straight to the topic; audit-service's drain
 * rate against a raw consumer that only reads the same records.
 */
final class P3Events {

    static final String TOPIC = "questmaster.game-events";
    static final long USER_BASE = 500_000_000_000_000_000L;
    /**
     * How many seconds of ids below the highest seen each audit poll reads again: rows of concurrent batches commit
     * out of order, but each within its batch's statement and commit (milliseconds) of getting its id.
     */
    private static final double AUDIT_REREAD_SECONDS = 1.0;
    /** The user id of a game event's payload: unique per event of a latency run, so it names the event. */
    private static final Pattern USER_ID = Pattern.compile("\"user_id\":\"(\\d+)\"");

    private final Stack stack;
    private final Report report;
    private final Suite.Options options;
    private final AtomicLong sequence = new AtomicLong();
    private final long runId = System.currentTimeMillis() % 1_000_000_000L;

    P3Events(Stack stack, Report report, Suite.Options options) {
        this.stack = stack;
        this.report = report;
        this.options = options;
    }

    void run() throws Exception {
        report.line("%nP3 events (outbox commit -> audit row / trophies award; %.0f s per rate)", options.seconds());
        for (int rate : new int[] {200, 1000}) {
            latency(rate);
        }
        ingest(options.backlog());
    }

    private void latency(int rate) throws Exception {
        catchUp("before " + rate + " events/s");
        Map<String, Long> committed = new ConcurrentHashMap<>();
        Map<String, Long> archives = new ConcurrentHashMap<>();
        Stats.Histogram audit = new Stats.Histogram();
        Stats.Histogram trophies = new Stats.Histogram();
        AtomicBoolean polling = new AtomicBoolean(true);
        long auditStart = stack.scalar("audit", "SELECT coalesce(max(id), 0) FROM game_event");
        Map<String, Long> onTopic = new ConcurrentHashMap<>();
        Map<String, Long> inAudit = new ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch topicReady = new java.util.concurrent.CountDownLatch(1);
        Thread topicReader = new Thread(() -> readTopic(onTopic, polling, topicReady), "read-topic");
        long rereadWindow = Math.max(200, (long) (rate * AUDIT_REREAD_SECONDS));
        Thread auditPoller = new Thread(() -> pollAudit(auditStart, rereadWindow, committed, audit, inAudit, polling),
                "poll-audit");
        Thread trophiesPoller = new Thread(() -> pollTrophies(archives, trophies, polling), "poll-trophies");
        topicReader.start();
        auditPoller.start();
        trophiesPoller.start();
        topicReady.await();

        long total = (long) (rate * options.seconds());
        int writers = rate >= 1000 ? 8 : 4;
        AtomicLong next = new AtomicLong();
        AtomicLong late = new AtomicLong();
        long start = System.nanoTime() + 100_000_000L;
        double interval = 1e9 / rate;
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> {
                try (Connection c = stack.db("games"); PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO outbox_event (event_id, topic, record_key, ce_type, ce_source, ce_subject,"
                                + " occurred_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    c.setAutoCommit(false);
                    for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = start + (long) (i * interval);
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        } else if (wait < -5_000_000L) {
                            late.incrementAndGet();
                        }
                        Event e = event(i % 10 == 9);
                        bind(insert, e);
                        insert.executeUpdate();
                        c.commit();
                        long at = System.nanoTime();
                        committed.put(e.userId, at);
                        if (e.archive) {
                            archives.put(e.gameId, at);
                        }
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "outbox-writer-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double writeSeconds = (System.nanoTime() - start) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while ((audit.count() < committed.size() || trophies.count() < archives.size()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        polling.set(false);
        auditPoller.join();
        trophiesPoller.join();
        topicReader.join();
        // The two legs of the way to audit: the relay's (commit -> its producer took the record, the record's
        // timestamp) and the rest (-> the row readable in audit's database: linger, the broker, the consumer).
        Stats.Histogram relayLeg = new Stats.Histogram();
        Stats.Histogram auditLeg = new Stats.Histogram();
        committed.forEach((user, at) -> {
            Long topic = onTopic.get(user);
            if (topic != null) {
                relayLeg.record(Math.max(0, topic - at));
                Long row = inAudit.get(user);
                if (row != null) {
                    auditLeg.record(Math.max(0, row - topic));
                }
            }
        });
        report.line("  %4d events/s (%d committed in %.1f s by %d writers, %d late by > 5 ms): audit %d/%d rows: %s;"
                        + " trophies %d/%d awards: %s", rate, committed.size(), writeSeconds, writers, late.get(),
                audit.count(), committed.size(), audit.summary(), trophies.count(), archives.size(),
                trophies.summary());
        report.line("    legs (1 ms resolution): commit -> the relay's send (record timestamp) %s; send -> audit row %s",
                relayLeg.summary(), auditLeg.summary());
        double auditP99Goal = rate == 200 ? 50 : 250;
        report.bound("P3", "commit -> audit row p99 at " + rate + "/s (p50 " + fmt(audit.ms(50)) + ", max "
                + fmt(audit.ms(100)) + ")", audit.ms(99), "ms", auditP99Goal);
        report.bound("P3", "commit -> trophies award p99 at " + rate + "/s (p50 " + fmt(trophies.ms(50)) + ", max "
                + fmt(trophies.ms(100)) + ")", trophies.ms(99), "ms", auditP99Goal);
    }

    /**
     * A plain consumer of the topic from its end: each event's record timestamp (set by the relay's producer when it
     * took the record; by user id, unique per event here), on this JVM's nanoTime scale. The moment this consumer
     * reads a record is not used: its own fetches were seen up to 0.7 s late, longer than the whole way to audit.
     */
    private void readTopic(Map<String, Long> onTopic, AtomicBoolean polling,
            java.util.concurrent.CountDownLatch ready) {
        Properties props = new Properties();
        props.put("bootstrap.servers", Stack.KAFKA);
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            ready.countDown();
            long wall = System.currentTimeMillis();
            long nano = System.nanoTime();
            while (polling.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(50));
                records.forEach(r -> {
                    Matcher user = USER_ID.matcher(new String(r.value(), StandardCharsets.UTF_8));
                    if (user.find()) {
                        onTopic.putIfAbsent(user.group(1), nano + (r.timestamp() - wall) * 1_000_000L);
                    }
                });
            }
        } finally {
            ready.countDown();
        }
    }

    /**
     * Records each committed event once, when its row is first seen. audit-service writes with several consumers at
     * once, so a row with a lower id may commit after one with a higher id: the poll re-reads a window of ids below the
     * highest seen (a poll that only read ids above it missed those rows, and with them the slowest latencies). The
     * window is a second of events: the fixed 3 000 rows it was re-read 15 s of them at 200/s every 2 ms, a needless
     * query load on the two cores it measures (what it cost was lost in the spread between runs). A row it misses
     * shows as a count short of the committed events in the figure's line.
     */
    private void pollAudit(long fromId, long rereadWindow, Map<String, Long> committed, Stats.Histogram h,
            Map<String, Long> inAudit, AtomicBoolean polling) {
        long last = fromId;
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (Connection c = stack.db("audit");
                PreparedStatement q = c.prepareStatement("SELECT id, user_id FROM game_event WHERE id > ? ORDER BY id")) {
            while (polling.get()) {
                q.setLong(1, Math.max(fromId, last - rereadWindow));
                try (ResultSet rs = q.executeQuery()) {
                    long now = System.nanoTime();
                    while (rs.next()) {
                        last = Math.max(last, rs.getLong(1));
                        String user = rs.getString(2);
                        Long at = committed.get(user);
                        if (at != null && seen.add(user)) {
                            h.record(Math.max(0, now - at));
                            inAudit.put(user, now);
                        }
                    }
                }
                LockSupport.parkNanos(2_000_000L);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void pollTrophies(Map<String, Long> archives, Stats.Histogram h, AtomicBoolean polling) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        Timestamp since = new Timestamp(System.currentTimeMillis() - 1000);
        try (Connection c = stack.db("trophies");
                PreparedStatement q = c.prepareStatement("SELECT game_id, awarded_at FROM game_award WHERE awarded_at >= ?")) {
            while (polling.get()) {
                q.setTimestamp(1, since);
                Timestamp newest = since;
                try (ResultSet rs = q.executeQuery()) {
                    long now = System.nanoTime();
                    while (rs.next()) {
                        String game = rs.getString(1);
                        Timestamp t = rs.getTimestamp(2);
                        if (t.after(newest)) {
                            newest = t;
                        }
                        Long at = archives.get(game);
                        if (at != null && seen.add(game)) {
                            h.record(Math.max(0, now - at));
                        }
                    }
                }
                // awarded_at is its transaction's start: keep a margin for transactions still open
                since = new Timestamp(newest.getTime() - 2000);
                LockSupport.parkNanos(5_000_000L);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One game event as games-service writes it; archives award trophies to the gm and two players. */
    record Event(UUID id, String gameId, String userId, boolean archive, String type, String payload) {
    }

    private Event event(boolean archive) {
        long n = sequence.incrementAndGet();
        // registrations spread over 1 000 game ids (keys, so partitions); each archive is a game of its own (awards
        // are once per game)
        String gameId = archive ? Long.toString(900_000_000_000_000L + runId * 1_000_000L + n)
                : Long.toString(800_000_000_000L + n % 1000);
        String userId = Long.toString(USER_BASE + runId * 1_000_000L + n);
        UUID id = UUID.randomUUID();
        String now = OffsetDateTime.now(ZoneOffset.UTC).toString();
        String gm = "100000000000000002";
        String players = "[\"" + userId + "\",\"" + (USER_BASE + 1) + "\"]";
        String payload = "{\"event_id\":\"" + id + "\",\"occurred_at\":\"" + now + "\",\"action\":\""
                + (archive ? "delete" : "register") + "\",\"game_id\":\"" + gameId + "\",\"game_slug\":\"p3-" + gameId
                + "\",\"game_name\":\"P3 bench\",\"game_type\":\"oneshot\",\"status\":\"" + (archive ? "archived" : "open")
                + "\",\"gm_id\":\"" + gm + "\",\"player_ids\":" + players + ",\"user_id\":\"" + userId
                + "\",\"description\":\"" + (archive ? "Annonce archivée. Badges distribués."
                : "Le·a joueur·euse s'est inscrit·e sur l'annonce.") + "\"" + (archive ? ",\"award_trophies\":true" : "")
                + ",\"schema_version\":1}";
        return new Event(id, gameId, userId, archive, archive ? "questmaster.game.archived"
                : "questmaster.game.player.registered", payload);
    }

    private static void bind(PreparedStatement insert, Event e) throws Exception {
        insert.setObject(1, e.id());
        insert.setString(2, TOPIC);
        insert.setString(3, e.gameId());
        insert.setString(4, e.type());
        insert.setString(5, "/questmaster/games-service");
        insert.setString(6, e.gameId());
        insert.setObject(7, OffsetDateTime.now(ZoneOffset.UTC));
        insert.setString(8, e.payload());
    }

    /** audit-service's drain rate of a backlog produced at once, against a consumer that only reads it. */
    private void ingest(int backlog) throws Exception {
        Properties props = new Properties();
        props.put("bootstrap.servers", Stack.KAFKA);
        props.put("acks", "all");
        props.put("linger.ms", "5");
        props.put("batch.size", "262144");
        List<TopicPartition> partitions;
        Map<TopicPartition, Long> before;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", Stack.KAFKA))) {
            partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            before = ends(admin, partitions);
        }
        long auditBefore = stack.scalar("audit", "SELECT count(*) FROM game_event");
        long t0 = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < backlog; i++) {
                Event e = event(false);
                ProducerRecord<String, byte[]> r = new ProducerRecord<>(TOPIC, e.gameId(),
                        e.payload().getBytes(StandardCharsets.UTF_8));
                header(r, "ce_specversion", "1.0");
                header(r, "ce_id", e.id().toString());
                header(r, "ce_source", "/questmaster/games-service");
                header(r, "ce_type", e.type());
                header(r, "ce_time", OffsetDateTime.now(ZoneOffset.UTC).toString());
                header(r, "ce_subject", e.gameId());
                header(r, "content-type", "application/json");
                producer.send(r);
            }
            producer.flush();
        }
        double produced = (System.nanoTime() - t0) / 1e9;
        long target = auditBefore + backlog;
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        long count = auditBefore;
        while (count < target && System.nanoTime() < deadline) {
            Thread.sleep(20);
            count = stack.scalar("audit", "SELECT count(*) FROM game_event");
        }
        double auditSeconds = (System.nanoTime() - t0) / 1e9;
        double auditRate = (count - auditBefore) / auditSeconds;

        Map<TopicPartition, Long> after;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", Stack.KAFKA))) {
            after = ends(admin, partitions);
        }
        Properties cprops = new Properties();
        cprops.put("bootstrap.servers", Stack.KAFKA);
        cprops.put("enable.auto.commit", "false");
        cprops.put("max.poll.records", "500");
        cprops.put("isolation.level", "read_committed");
        long read = 0;
        long c0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(cprops, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(partitions);
            partitions.forEach(p -> consumer.seek(p, before.get(p)));
            long want = partitions.stream().mapToLong(p -> after.get(p) - before.get(p)).sum();
            c0 = System.nanoTime();
            while (read < want && System.nanoTime() - c0 < 120e9) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(100));
                read += records.count();
            }
        }
        double rawSeconds = (System.nanoTime() - c0) / 1e9;
        double rawRate = read / rawSeconds;
        report.line("  backlog of %d events produced in %.1f s; audit stored %d in %.1f s; the raw consumer read %d in"
                + " %.2f s", backlog, produced, count - auditBefore, auditSeconds, read, rawSeconds);
        report.atLeast("P3", "audit ingest, backlog of " + backlog + " (raw consumer: " + String.format("%.0f/s",
                rawRate) + ", ratio " + String.format("%.2f", auditRate / rawRate) + ")", auditRate, "/s", 5000);
        catchUp("after the backlog, trophies-service");
    }

    /**
     * Waits until both consumer groups have committed up to the topic's end (earlier benchmarks leave a backlog, which
     * trophies-service reads record by record), so a latency figure measures the rate, not a catch-up.
     */
    private void catchUp(String why) throws Exception {
        long t0 = System.nanoTime();
        long behind = 0;
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", Stack.KAFKA))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC)
                    .partitions().stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
            Map<TopicPartition, Long> ends = ends(admin, partitions);
            while (System.nanoTime() - t0 < 300e9) {
                behind = 0;
                for (String group : List.of("trophies-service", "audit-service.timeline")) {
                    Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get();
                    for (TopicPartition p : partitions) {
                        OffsetAndMetadata o = committed.get(p);
                        behind += Math.max(0, ends.get(p) - (o == null ? 0 : o.offset()));
                    }
                }
                if (behind == 0) {
                    break;
                }
                Thread.sleep(200);
            }
        }
        report.line("  (%s: consumers caught up in %.1f s%s)", why, (System.nanoTime() - t0) / 1e9,
                behind == 0 ? "" : ", still " + behind + " records behind");
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions) throws Exception {
        Map<TopicPartition, OffsetSpec> spec = new HashMap<>();
        partitions.forEach(p -> spec.put(p, OffsetSpec.latest()));
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(spec).all().get().forEach((p, info) -> out.put(p, info.offset()));
        return out;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String fmt(double ms) {
        return String.format("%.0f ms", ms);
    }
}
