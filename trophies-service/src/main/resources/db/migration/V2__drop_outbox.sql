-- The transactional outbox belongs to the producing services only (platform-outbox, issue 10): this consumer never
-- writes to it. A database created before the split drops the unused table and its notify trigger function.
DROP TABLE IF EXISTS outbox_event;
DROP FUNCTION IF EXISTS outbox_event_notify();
