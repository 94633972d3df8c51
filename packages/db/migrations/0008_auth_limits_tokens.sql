-- Sign-in attempts remember the client they came from, so that the limiter can count per client
-- and per account and client (a stranger's failures never lock the real user out). API tokens
-- expire; tokens made before this migration expire 90 days after it.
ALTER TABLE login_attempts ADD COLUMN client text NOT NULL DEFAULT '';
CREATE INDEX login_attempts_client ON login_attempts (client, at);
ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz;
UPDATE api_tokens SET expires_at = now() + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
