-- posrecon ledger, schema version 3.
-- Every run starts by loading the open items of earlier runs (status OPEN). Terminal and settlement records have had
-- a status index since version 1; receipts had none, so that was a scan of every receipt the ledger holds: ~2.4 s per
-- million-receipt day of history, each night a little longer. With this the look-up reads only the open rows; each
-- stored receipt costs one more index entry (~1.5 s on a million-receipt day).
CREATE INDEX receipts_status ON receipts (status);
