-- Append-only, hash-chained audit log. The database itself refuses UPDATE, DELETE and TRUNCATE,
-- and each row's hash covers its content and the previous row's hash, so a gap or an edit made
-- behind the database's back shows when the chain is verified.

CREATE TABLE audit_log (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at          timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor_id    bigint,
    actor_name  text NOT NULL,
    request_id  text,
    action      text NOT NULL CHECK (length(action) > 0),
    record_type text NOT NULL CHECK (length(record_type) > 0),
    record_id   text NOT NULL,
    before      jsonb,
    after       jsonb,
    prev_hash   bytea NOT NULL,
    hash        bytea NOT NULL
);
CREATE INDEX audit_log_record_idx ON audit_log (record_type, record_id, id);

CREATE FUNCTION audit_row_digest(prev bytea, a audit_log) RETURNS bytea
LANGUAGE sql IMMUTABLE AS $$
    SELECT sha256(prev || convert_to(concat_ws(E'\x1f',
        a.id::text, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
        coalesce(a.actor_id::text, ''), a.actor_name, coalesce(a.request_id, ''), a.action,
        a.record_type, a.record_id, coalesce(a.before::text, ''), coalesce(a.after::text, '')),
        'UTF8'))
$$;

CREATE FUNCTION audit_log_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    last_hash bytea;
BEGIN
    -- One writer at a time extends the chain; the lock ends with the transaction.
    PERFORM pg_advisory_xact_lock(7411001);
    SELECT hash INTO last_hash FROM audit_log ORDER BY id DESC LIMIT 1;
    NEW.prev_hash := coalesce(last_hash, '\x'::bytea);
    NEW.hash := audit_row_digest(NEW.prev_hash, NEW);
    RETURN NEW;
END $$;

CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_chain();

CREATE FUNCTION audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

-- Recomputes the chain; returns the id of the first row that does not match, or NULL.
CREATE FUNCTION audit_log_verify() RETURNS bigint
LANGUAGE plpgsql STABLE AS $$
DECLARE
    r audit_log;
    prev bytea := '\x'::bytea;
BEGIN
    FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
        IF r.prev_hash <> prev OR r.hash <> audit_row_digest(prev, r) THEN
            RETURN r.id;
        END IF;
        prev := r.hash;
    END LOOP;
    RETURN NULL;
END $$;
