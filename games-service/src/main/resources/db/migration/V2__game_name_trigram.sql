-- The name filter is a case-insensitive substring (ILIKE '%…%'): a trigram index serves it on large catalogues.
-- pg_trgm is a trusted contrib extension; where it is missing or may not be created, the filter still works
-- (sequential scan), so the migration never fails on it.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
        CREATE INDEX game_name_trgm ON game USING gin (name gin_trgm_ops);
    END IF;
EXCEPTION WHEN insufficient_privilege THEN
    RAISE NOTICE 'pg_trgm not available to this role: the name filter scans';
END
$$;
