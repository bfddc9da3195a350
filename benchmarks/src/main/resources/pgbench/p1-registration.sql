-- P1 reference: the statements games-service runs for one registration (POST /api/v1/games/{slug}/registrations),
-- as PostgreSQL's statement log (log_statement = all) shows them since the registration runs on the reactive pool
-- with no Hibernate session: lock the game row by slug, read its roster, queue and sessions in one statement, insert
-- the player, insert the outbox row. (The statements of commit 778dbde, before the P1 rebuild, are in
-- p1-registration-778dbde.sql.)
-- Differences: the outbox row is inserted as already sent (sent_at), so that games-service's relay does not publish
-- pgbench's rows while the next figure measures the service; the slug is built in SQL from a random index, and the
-- service's $n parameters are pgbench variables; the event payload carries the new player only (the service lists
-- the whole roster and the seat counts, a few dozen bytes more per player).
\set n random(0, :games - 1)
\set p random(1, 99999999999)
BEGIN;
SELECT id, slug, name, type, length, gm_id, system_id, vtt_id, description, restriction, restriction_tags, party_size, party_selection, xp, date, session_length, frequency, characters, classification, ambience, complement, img, status, closed_reason, special_event_id, registration_opens_at, waitlist_enabled, waitlist_offer_hours, min_players, go_no_go_at, go_no_go_decided, cancel_reason, created_at, updated_at FROM game WHERE slug = (:prefix)::text || (:n)::text FOR NO KEY UPDATE \gset
SELECT 'player' AS kind, player_id, 0::bigint AS number, registered_at AS t1, registered_at AS t2 FROM game_player WHERE game_id = (:id)::bigint UNION ALL SELECT 'queue', player_id, seq, joined_at, offered_until FROM waitlist_entry WHERE game_id = (:id)::bigint UNION ALL SELECT 'session', '', id, starts_at, ends_at FROM game_session WHERE game_id = (:id)::bigint;
INSERT INTO game_player (game_id, player_id, registered_at) VALUES ((:id)::bigint, (300000000000000000 + (:p)::bigint)::text, clock_timestamp()) ON CONFLICT DO NOTHING;
INSERT INTO outbox_event (event_id, topic, record_key, ce_type, ce_source, ce_subject, occurred_at, payload, sent_at) SELECT u, 'questmaster.game-events', (:id)::text, 'questmaster.game.player.registered', '/questmaster/games-service', (:id)::text, now(), '{"event_id":"' || u || '","occurred_at":' || to_json(now())::text || ',"action":"register","game_id":"' || (:id)::text || '","game_slug":"' || (:prefix)::text || (:n)::text || '","game_name":"Seat bench","game_type":"oneshot","status":"open","gm_id":"100000000000000001","player_ids":["' || (300000000000000000 + (:p)::bigint)::text || '"],"user_id":"' || (300000000000000000 + (:p)::bigint)::text || '","description":"Le·a joueur·euse s''est inscrit·e sur l''annonce.","schema_version":1}', clock_timestamp() FROM gen_random_uuid() u;
COMMIT;
