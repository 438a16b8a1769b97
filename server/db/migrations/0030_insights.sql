-- Insights (server/insights/README.md): trained models with their version, training date and
-- backtest, the training runs any server can claim, and the demo's planted truth.

-- One row per trained version of a model; `current` marks the one scoring uses. A training run
-- inserts a new version and moves `current` in one transaction, so scoring never waits for it.
CREATE TABLE insights_models (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    model           text NOT NULL CHECK (model IN ('opportunity_score', 'margin_risk',
                                                   'invoice_anomaly', 'collections',
                                                   'executive_forecast')),
    version         integer NOT NULL CHECK (version > 0),
    current         boolean NOT NULL DEFAULT true,
    as_of           date NOT NULL,          -- the data the final fit saw: everything up to as_of
    trained_at      timestamptz NOT NULL DEFAULT now(),
    training_ms     integer NOT NULL DEFAULT 0,
    training_run_id bigint,
    sample_size     integer NOT NULL DEFAULT 0,
    parameters      jsonb NOT NULL DEFAULT '{}',  -- what scoring needs (coefficients, thresholds)
    backtest        jsonb NOT NULL DEFAULT '{}',  -- {cutoff, trained_on, scored_on, figures{}}
    UNIQUE (model, version)
);
CREATE UNIQUE INDEX insights_models_current_idx ON insights_models (model) WHERE current;

-- Retraining: queued by a user (POST) or by the schedule, claimed by any server with
-- FOR UPDATE SKIP LOCKED, executed under pg_advisory_lock(InsightsRunLock, id).
CREATE TABLE insights_training_runs (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    status       text NOT NULL DEFAULT 'queued'
                 CHECK (status IN ('queued', 'running', 'completed', 'failed')),
    reason       text NOT NULL CHECK (reason IN ('on_demand', 'schedule', 'demo')),
    models       text[] NOT NULL,
    progress     integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
    step         text NOT NULL DEFAULT '',
    claimed_by   text,                       -- the claiming server's instance name
    result       jsonb NOT NULL DEFAULT '{}',  -- per model: version, training_ms or error
    error        text,
    requested_by bigint REFERENCES users (id),
    created_at   timestamptz NOT NULL DEFAULT now(),
    started_at   timestamptz,
    finished_at  timestamptz
);
-- At most one run waiting or running: a second request joins it.
CREATE UNIQUE INDEX insights_training_runs_open_idx ON insights_training_runs ((true))
    WHERE status IN ('queued', 'running');

-- What the demo generator planted, so backtests can measure whether the models find it. Empty
-- in a real firm. kind: late_payer (account), winning_service_line (service line),
-- losing_service_line, overrun_project (project), wrong_invoice (invoice; detail = the error).
CREATE TABLE insights_planted (
    kind       text NOT NULL,
    subject_id bigint NOT NULL,
    detail     text NOT NULL DEFAULT '',
    PRIMARY KEY (kind, subject_id, detail)
);
