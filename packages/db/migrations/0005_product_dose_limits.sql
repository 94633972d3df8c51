-- Each product's lowest and highest activity for one patient. An order outside them is refused
-- with the limit named. Rows made before this migration get limits derived from their usual dose:
-- the highest at 1.2 × the usual dose (10 CFR 35.63: more than 20% from the prescribed dosage
-- needs the authorised user's direction; a per-kg dose is taken for a 120 kg patient) and the
-- lowest at 5% of it (a floor against unit slips, not a clinical limit). The demo's products carry
-- sourced limits instead.
ALTER TABLE products ADD COLUMN min_dose_bq double precision;
ALTER TABLE products ADD COLUMN max_dose_bq double precision;
UPDATE products SET
  max_dose_bq = 1.2 * COALESCE(dose_bq, dose_bq_per_kg * 120, max_batch_bq),
  min_dose_bq = 0.05 * COALESCE(dose_bq, dose_bq_per_kg * 70, max_batch_bq / 100);
ALTER TABLE products ALTER COLUMN min_dose_bq SET NOT NULL;
ALTER TABLE products ALTER COLUMN max_dose_bq SET NOT NULL;
ALTER TABLE products ADD CONSTRAINT products_dose_limits
  CHECK (min_dose_bq > 0 AND min_dose_bq < max_dose_bq);
