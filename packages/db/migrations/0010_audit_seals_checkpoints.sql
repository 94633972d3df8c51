-- Anchoring the audit trail outside the database. Each row may carry a seal: an Ed25519
-- signature of its hash by the product's key, which lives in a file the database does not hold.
-- Checkpoints (row count and head hash, signed by the same key) are kept here and exported for
-- the QP; `halflife audit verify` checks the chain against the latest one it trusts.
ALTER TABLE audit_log ADD COLUMN seal text;

CREATE TABLE audit_checkpoints (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rows        bigint NOT NULL CHECK (rows >= 0),
  head_hash   text NOT NULL,
  at          timestamptz NOT NULL,
  key_id      text NOT NULL,
  signature   text NOT NULL
);
CREATE INDEX audit_checkpoints_rows ON audit_checkpoints (rows DESC, at DESC);
