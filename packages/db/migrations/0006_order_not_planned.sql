-- An order that the committed plan of its day does not serve becomes 'not_planned', with the
-- planner's reason in status_reason, so that the hospital is told; a later plan can still serve it.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check CHECK (status IN ('submitted', 'accepted',
  'planned', 'not_planned', 'in_production', 'released', 'dispatched', 'delivered', 'administered',
  'cancelled', 'rejected'));
