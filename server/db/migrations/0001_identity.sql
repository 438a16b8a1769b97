-- Identity: legal entities, practices, users, role grants, sessions, login throttling.

CREATE TABLE legal_entities (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code                text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,8}$'),
    name                text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    country             char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    functional_currency char(3) NOT NULL CHECK (functional_currency ~ '^[A-Z]{3}$'),
    created_at          timestamptz NOT NULL DEFAULT now(),
    version             integer NOT NULL DEFAULT 1
);

CREATE TABLE practices (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code       text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_]{2,16}$'),
    name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at timestamptz NOT NULL DEFAULT now(),
    version    integer NOT NULL DEFAULT 1
);

CREATE TABLE roles (
    name        text PRIMARY KEY,
    description text NOT NULL
);

INSERT INTO roles (name, description) VALUES
    ('consultant',       'Records time and expenses'),
    ('project_manager',  'Runs projects and approves their time'),
    ('resource_manager', 'Staffs projects'),
    ('sales',            'Owns accounts and opportunities'),
    ('sales_director',   'Approves quotes and leads sales'),
    ('finance',          'Bills, collects and pays'),
    ('controller',       'Owns the ledger and the close'),
    ('executive',        'Sees the whole firm'),
    ('admin',            'Manages users and roles');

CREATE TABLE users (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username        text NOT NULL CHECK (username ~ '^[A-Za-z0-9._-]{2,64}$'),
    display_name    text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
    email           text CHECK (email IS NULL OR email ~ '^[^@\s]+@[^@\s]+$'),
    password_hash   text,          -- Argon2id string from libsodium; NULL: cannot sign in
    legal_entity_id bigint NOT NULL REFERENCES legal_entities (id),
    practice_id     bigint REFERENCES practices (id),
    active          boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE INDEX users_legal_entity_idx ON users (legal_entity_id);

-- A role held for one legal entity, or for all of them when legal_entity_id is NULL.
CREATE TABLE user_roles (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id         bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            text NOT NULL REFERENCES roles (name),
    legal_entity_id bigint REFERENCES legal_entities (id),
    granted_at      timestamptz NOT NULL DEFAULT now(),
    granted_by      bigint REFERENCES users (id)
);
CREATE UNIQUE INDEX user_roles_grant_key
    ON user_roles (user_id, role, coalesce(legal_entity_id, 0));

-- Tokens are stored only as SHA-256 hashes. Refresh rotates both tokens of the session.
CREATE TABLE sessions (
    id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id            bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    access_hash        bytea NOT NULL UNIQUE CHECK (length(access_hash) = 32),
    access_expires_at  timestamptz NOT NULL,
    refresh_hash       bytea NOT NULL UNIQUE CHECK (length(refresh_hash) = 32),
    refresh_expires_at timestamptz NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    refreshed_at       timestamptz,
    revoked_at         timestamptz,
    remote_addr        text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE login_failures (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username_norm text NOT NULL,
    remote_addr   text NOT NULL,
    failed_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX login_failures_user_idx ON login_failures (username_norm, failed_at);
CREATE INDEX login_failures_addr_idx ON login_failures (remote_addr, failed_at);
