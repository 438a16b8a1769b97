-- The audit chain's head in one row. The chain trigger used to find the previous hash with
-- "ORDER BY id DESC LIMIT 1" under an advisory lock: a plan cached while the table was small
-- sorted the whole log on every insert, and the row's id was drawn before the lock, so two
-- concurrent writers could chain in the opposite order of their ids and the verification (which
-- walks the ids) would report a break that was not there. Now the head row is the lock, and the
-- id is drawn once the lock is held, so id order is chain order.

CREATE TABLE audit_chain_head (
    only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    last_hash bytea NOT NULL
);
-- Ids come from the trigger, after the lock; an identity default would be drawn before it.
ALTER TABLE audit_log ALTER COLUMN id DROP IDENTITY;
CREATE SEQUENCE audit_log_chain_id_seq OWNED BY audit_log.id;
SELECT setval('audit_log_chain_id_seq', coalesce((SELECT max(id) FROM audit_log), 0) + 1, false);

INSERT INTO audit_chain_head (last_hash)
SELECT coalesce((SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1), '\x'::bytea);

CREATE OR REPLACE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last bytea;
BEGIN
    -- One writer at a time extends the chain; the row lock ends with the transaction.
    SELECT last_hash INTO last FROM audit_chain_head WHERE only_row FOR UPDATE;
    NEW.id := nextval('audit_log_chain_id_seq');
    NEW.prev_hash := last;
    NEW.hash := audit_row_digest(NEW.prev_hash, NEW);
    UPDATE audit_chain_head SET last_hash = NEW.hash WHERE only_row;
    RETURN NEW;
END $$;

REVOKE UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM PUBLIC;
