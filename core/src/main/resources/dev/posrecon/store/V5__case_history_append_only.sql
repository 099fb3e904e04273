-- posrecon ledger, schema version 5 (H2; PostgreSQL runs V5__case_history_append_only.postgresql.sql instead).
-- A case's history is append-only: posrecon only ever inserts into case_events, and from this version on the
-- database refuses an UPDATE or DELETE of a history row whoever asks. H2 runs a Java trigger for it (the class is
-- part of posrecon and must keep its name); PostgreSQL a PL/pgSQL one, which also refuses TRUNCATE.
CREATE TRIGGER case_events_append_only BEFORE UPDATE, DELETE ON case_events FOR EACH ROW CALL 'dev.posrecon.core.store.AppendOnlyHistory';
