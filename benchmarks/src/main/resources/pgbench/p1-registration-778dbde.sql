-- P1 baseline reference: the statements games-service ran for one registration at commit 778dbde (before the P1
-- rebuild; p1-registration.sql is what it runs now) (POST /api/v1/games/{slug}/registrations),
-- copied from PostgreSQL's statement log (log_statement = all) of one such request: lock the game row by slug, read
-- the roster, insert the player, insert the outbox row, read the roster again and the sessions for the answer.
-- Differences: the outbox row is inserted as already sent (sent_at), so that games-service's relay does not publish
-- pgbench's rows while the next figure measures the service; the slug is built in SQL from a random index; the event
-- payload carries the new player only (the service lists the whole roster, a few dozen bytes more per player).
\set n random(0, :games - 1)
\set p random(1, 99999999999)
BEGIN;
select g1_0.id,g1_0.ambience,g1_0.characters,g1_0.classification,g1_0.closed_reason,g1_0.complement,g1_0.created_at,g1_0.date,g1_0.description,g1_0.frequency,g1_0.gm_id,g1_0.img,g1_0.length,g1_0.name,g1_0.party_selection,g1_0.party_size,g1_0.restriction,g1_0.restriction_tags,g1_0.session_length,g1_0.slug,g1_0.special_event_id,g1_0.status,g1_0.system_id,g1_0.type,g1_0.updated_at,g1_0.vtt_id,g1_0.xp from game g1_0 where g1_0.slug=(:prefix)::text || (:n)::text offset 0 rows fetch first 1 rows only for no key update of g1_0 \gset
SELECT player_id FROM game_player WHERE game_id = (:id)::bigint ORDER BY registered_at, player_id;
INSERT INTO game_player (game_id, player_id) VALUES ((:id)::bigint, (300000000000000000 + (:p)::bigint)::text) ON CONFLICT DO NOTHING;
INSERT INTO outbox_event (event_id, topic, record_key, ce_type, ce_source, ce_subject, occurred_at, payload, sent_at) SELECT u, 'questmaster.game-events', (:id)::text, 'questmaster.game.player.registered', '/questmaster/games-service', (:id)::text, now(), '{"event_id":"' || u || '","occurred_at":' || to_json(now())::text || ',"action":"register","game_id":"' || (:id)::text || '","game_slug":"' || (:prefix)::text || (:n)::text || '","game_name":"Seat bench","game_type":"oneshot","status":"open","gm_id":"100000000000000001","player_ids":["' || (300000000000000000 + (:p)::bigint)::text || '"],"user_id":"' || (300000000000000000 + (:p)::bigint)::text || '","description":"Le·a joueur·euse s''est inscrit·e sur l''annonce.","schema_version":1}', clock_timestamp() FROM gen_random_uuid() u;
SELECT player_id FROM game_player WHERE game_id = (:id)::bigint ORDER BY registered_at, player_id;
select gs1_0.id,gs1_0.ends_at,gs1_0.game_id,gs1_0.starts_at from game_session gs1_0 where gs1_0.game_id=(:id)::bigint order by gs1_0.starts_at,gs1_0.id;
COMMIT;
