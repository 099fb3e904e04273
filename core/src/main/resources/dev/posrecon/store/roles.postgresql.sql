-- posrecon ledger roles (PostgreSQL). Print with 'posrecon ledger roles --print'; apply as the ledger database's
-- owner after 'posrecon ledger migrate' (and again after a posrecon upgrade whose migration adds a table):
--     posrecon ledger roles --print | psql -d posrecon -v ON_ERROR_STOP=1
-- Three group roles, no login of their own; give each person or job a login that is a member of one:
--     CREATE ROLE nightly LOGIN IN ROLE posrecon_batch;      -- password: \password nightly, then ~/.pgpass
--     CREATE ROLE carol   LOGIN IN ROLE posrecon_staff;
--     CREATE ROLE audit1  LOGIN IN ROLE posrecon_auditor;
-- Schema changes (migrations) stay with the owner: the batch role cannot create or alter tables.
-- The case history (case_events) is append-only for everyone: nobody here may UPDATE or DELETE it, and schema 5's
-- trigger refuses it even to the owner.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'posrecon_batch') THEN
        CREATE ROLE posrecon_batch NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'posrecon_staff') THEN
        CREATE ROLE posrecon_staff NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'posrecon_auditor') THEN
        CREATE ROLE posrecon_auditor NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA public TO posrecon_batch, posrecon_staff, posrecon_auditor;

-- batch: runs 'posrecon reconcile'. Reads everything; writes runs, files, records, receipts, totals and cases
-- (--reload deletes and re-inserts a file's records); appends to the case history. run_lock needs UPDATE for the
-- one-run-at-a-time lock (SELECT ... FOR UPDATE).
GRANT SELECT ON ALL TABLES IN SCHEMA public TO posrecon_batch;
GRANT INSERT, UPDATE, DELETE ON runs, input_files, terminal_records, settlement_records, receipts, receipt_blocks,
    receipt_block_bodies, day_totals TO posrecon_batch;
GRANT INSERT, UPDATE ON cases TO posrecon_batch;
GRANT UPDATE ON run_lock TO posrecon_batch;
GRANT INSERT ON case_events TO posrecon_batch;

-- staff: 'posrecon cases', 'audit', 'receipt'. Reads cases and receipts; changes a case's status and its note (the
-- status columns only, never amounts or evidence) and appends the change to the history. Nothing else.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO posrecon_staff;
GRANT UPDATE (status, status_changed_at, closed_reason, closed_by) ON cases TO posrecon_staff;
GRANT INSERT ON case_events TO posrecon_staff;

-- auditor: reads everything, changes nothing.
GRANT SELECT ON ALL TABLES IN SCHEMA public TO posrecon_auditor;
