-- Weekly demand history (issue 16): doses per week of one product at one site, imported by the
-- supply analyst (POST /api/strategy/history, CSV) or seeded for the demo. The outlook forecasts from
-- the recorded orders and, for the weeks before the first recorded order, from these rows. A
-- synthetic row (the demo's generated history) is marked so wherever it is shown. One audit entry
-- per import (its counts and a digest of the rows), not one per row.
CREATE TABLE demand_history (
  week_start    date NOT NULL CHECK (extract(isodow FROM week_start) = 1),
  product_code  text NOT NULL REFERENCES products(code),
  site_id       uuid NOT NULL REFERENCES sites(id),
  doses         integer NOT NULL CHECK (doses >= 0 AND doses <= 1000000),
  synthetic     boolean NOT NULL,
  -- where the figure comes from: "demo seed (synthetic)", "import 2026-11-23 by …"
  source        text NOT NULL,
  imported_by   uuid REFERENCES users(id),
  imported_at   timestamptz NOT NULL,
  PRIMARY KEY (product_code, site_id, week_start)
);
CREATE INDEX demand_history_site ON demand_history (site_id, week_start);
