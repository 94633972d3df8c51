-- Where at a hospital a delivery is handed over (a hospital may have several: the nuclear-medicine
-- department, a PET centre in another building…). Orders may name one; by default the first.

CREATE TABLE delivery_points (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  hospital_id  uuid NOT NULL REFERENCES hospitals(id),
  name         text NOT NULL,
  address      text NOT NULL DEFAULT '',
  latitude     double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
  longitude    double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
  instructions text NOT NULL DEFAULT '',
  UNIQUE (hospital_id, name)
);

ALTER TABLE orders ADD COLUMN delivery_point_id uuid REFERENCES delivery_points(id);
