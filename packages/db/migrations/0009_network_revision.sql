-- A counter that moves whenever anything a day's network instance is built from changes (sites,
-- lines, products, licences, hospitals, lanes, outages, supply records). Servers cache the
-- instance keyed by this revision, so a cache in any process is never stale.
CREATE TABLE network_revision (
  id  boolean PRIMARY KEY DEFAULT true CHECK (id),
  n   bigint NOT NULL
);
INSERT INTO network_revision (id, n) VALUES (true, 0);

CREATE FUNCTION bump_network_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE network_revision SET n = n + 1 WHERE id;
  RETURN NULL;
END
$$;

CREATE TRIGGER network_revision_products AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON products
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_site_products AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_products
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_sites AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sites
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_equipment AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON equipment
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_site_licences AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON site_licences
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_hospitals AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hospitals
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_hospital_licences AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON hospital_licences
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_lanes AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON lanes
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_outages AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON equipment_outages
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_generators AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON generators
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_elutions AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON elutions
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_cyclotron_runs AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON cyclotron_runs
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
CREATE TRIGGER network_revision_isotope_lots AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON isotope_lots
  FOR EACH STATEMENT EXECUTE FUNCTION bump_network_revision();
