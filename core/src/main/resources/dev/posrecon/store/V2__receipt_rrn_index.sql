-- posrecon ledger, schema version 2.
-- Receipt look-up by RRN (what support staff get from the acquirer or a chargeback) without reading every receipt:
-- the first card tender's RRN is indexed; an RRN found only on a later tender is still found by the slower scan of
-- the folded tenders, which runs when the index finds nothing.
CREATE INDEX receipts_card_rrn ON receipts (card_rrn);
