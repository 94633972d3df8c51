-- The FHIR R4 endpoint (issue 17): the MedicationRequest or ServiceRequest behind an order placed
-- through /fhir, kept as received (after validation) with the identifier its sender gave it. The
-- order itself is an ordinary order (placed through the order service, audited there); a resend
-- with the same identifier finds it through the order's idempotency key and this row.
CREATE TABLE fhir_requests (
  -- one per order; two requests with one identifier of one hospital are one order already (the
  -- order's idempotency key is made from the identifier)
  order_id           uuid PRIMARY KEY REFERENCES orders(id),
  resource_type      text NOT NULL CHECK (resource_type IN ('MedicationRequest', 'ServiceRequest')),
  identifier_system  text NOT NULL CHECK (length(identifier_system) BETWEEN 1 AND 1024),
  identifier_value   text NOT NULL CHECK (length(identifier_value) BETWEEN 1 AND 1024),
  resource           jsonb NOT NULL,
  received_by        uuid NOT NULL REFERENCES users(id),
  received_at        timestamptz NOT NULL
);
CREATE INDEX fhir_requests_identifier ON fhir_requests (identifier_value, identifier_system);
