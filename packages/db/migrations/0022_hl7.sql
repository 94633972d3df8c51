-- HL7 v2 interface (issue 17): hospitals' systems send pharmacy orders over MLLP and receive
-- dispense (RDS^O13) and administration (RAS^O17) messages back.

-- The sending facilities (MSH-4) an administrator has mapped to a hospital, the account whose
-- orders they place, and where that hospital's system takes messages back.
CREATE TABLE hl7_facilities (
  facility       text PRIMARY KEY CHECK (length(facility) BETWEEN 1 AND 180),
  hospital_id    uuid NOT NULL REFERENCES hospitals(id),
  -- the hospital's ordering account the interface acts as (the orders' creator in the audit trail)
  account_id     uuid NOT NULL REFERENCES users(id),
  endpoint_host  text CHECK (length(endpoint_host) BETWEEN 1 AND 253),
  endpoint_port  integer CHECK (endpoint_port BETWEEN 1 AND 65535),
  updated_at     timestamptz NOT NULL,
  CHECK ((endpoint_host IS NULL) = (endpoint_port IS NULL))
);

-- The orders that came by HL7, with the placer's order number (ORC-2) the messages back repeat.
CREATE TABLE hl7_orders (
  order_id      uuid PRIMARY KEY REFERENCES orders(id),
  facility      text NOT NULL REFERENCES hl7_facilities(facility),
  placer_order  text NOT NULL,
  message_type  text NOT NULL,
  control_id    text NOT NULL,
  received_at   timestamptz NOT NULL,
  UNIQUE (facility, placer_order)
);

-- The outbox: one row per dispense or administration of an HL7 order, written in the transaction
-- that records the event. Any server process delivers it (claimed with FOR UPDATE SKIP LOCKED and
-- a lease); failures are retried with backoff, and after the last attempt the row is a dead letter.
CREATE TABLE hl7_outbox (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  order_id         uuid NOT NULL REFERENCES hl7_orders(order_id),
  event            text NOT NULL CHECK (event IN ('dispense', 'administration')),
  status           text NOT NULL CHECK (status IN ('pending', 'sending', 'delivered', 'dead')),
  attempts         integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- when a pending row is due; for a row being sent, when its sender's lease runs out
  next_attempt_at  timestamptz NOT NULL,
  lease_owner      text,
  -- the message as first built: every attempt sends these very bytes (same MSH-10)
  message          text,
  last_error       text,
  ack              text,
  created_at       timestamptz NOT NULL,
  delivered_at     timestamptz,
  UNIQUE (order_id, event)
);
CREATE INDEX hl7_outbox_due ON hl7_outbox (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX hl7_outbox_dead ON hl7_outbox (created_at) WHERE status = 'dead';
