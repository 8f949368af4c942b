-- An event id is unique per source (the CloudEvents rule: source + id identify an event), not across the suite:
-- a record another service published with a real event's id can no longer pre-empt that event (stored once,
-- the real one dropped as a "duplicate"). Events without a source are rejected on arrival; old rows without one
-- still count as one source (nulls not distinct).
drop index audit_event_event_id_uq;
create unique index audit_event_event_id_source_uq on audit_event (event_id, source) nulls not distinct;
