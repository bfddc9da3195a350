-- Event contract v1.1: the audit action list gains `waitlist` (questmaster.game.waitlist.* events). The constraint swap
-- V1 anticipated; the reader accepts GameEventData.Actions.ALL, and this CHECK must accept the same list.
ALTER TABLE game_event DROP CONSTRAINT game_event_action_check;
ALTER TABLE game_event ADD CONSTRAINT game_event_action_check CHECK (action IN ('create', 'edit', 'delete',
    'create-session', 'edit-session', 'delete-session', 'register', 'unregister', 'alert', 'waitlist'));
