-- The caller's authority (AccountAuthority) reads a user's revoked sessions on every request: index them.
CREATE INDEX user_session_revoked ON user_session (user_id) WHERE revoked_at IS NOT NULL;
CREATE INDEX api_token_revoked ON api_token (user_id) WHERE revoked_at IS NOT NULL;
