-- posrecon ledger, schema version 5 (PostgreSQL; H2 runs V5__case_history_append_only.sql).
-- A case's history is append-only: posrecon only ever inserts into case_events, and from this version on the
-- database refuses an UPDATE, DELETE or TRUNCATE of history rows whoever asks, the table's owner included (the
-- roles of 'posrecon ledger roles' also lack those privileges). The variant exists because a trigger's body is
-- vendor code: PL/pgSQL here, a Java class on H2.
CREATE FUNCTION posrecon_case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'case history is append-only: % on case_events refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
    FOR EACH ROW EXECUTE FUNCTION posrecon_case_events_append_only();
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events
    FOR EACH STATEMENT EXECUTE FUNCTION posrecon_case_events_append_only();
