-- MTBoard's schema. Flyway owns it; Hibernate only validates it. JobRunr keeps its own jobrunr_*
-- tables in the same database and creates them itself.

create table team (
    id                   bigserial primary key,
    name                 text        not null unique,
    is_admin             boolean     not null default false,
    -- Quotas: submissions accepted per UTC day, and runs queued or running at once.
    submissions_per_day  integer     not null,
    max_active_runs      integer     not null,
    created_at           timestamptz not null default now()
);

create table api_token (
    id           bigserial primary key,
    team_id      bigint      not null references team (id),
    -- SHA-256 (hex) of the token; the token itself is shown once and never stored.
    token_hash   text        not null unique,
    label        text        not null,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);

create table submission (
    id               bigserial primary key,
    team_id          bigint      not null references team (id),
    config_text      text        not null,
    config_hash      text        not null,
    benchmark        text        not null,
    protocol_version integer     not null,
    tier             text        not null,
    method           text        not null,
    algorithm        text        not null,
    description      text,
    paper_url        text,
    code_url         text,
    -- queued, running, finished, failed, cancelling, cancelled, imported
    status           text        not null,
    -- Where an imported entry came from (a committed result file); null for submissions made through the API.
    origin           text,
    hidden           boolean     not null default false,
    created_at       timestamptz not null default now(),
    finished_at      timestamptz
);
-- One live submission per config, benchmark, version and tier: a duplicate gets the existing one back.
create unique index submission_unique_config on submission (config_hash, benchmark, protocol_version, tier)
    where status not in ('cancelled', 'cancelling', 'failed');
create index submission_team_created on submission (team_id, created_at);

create table run (
    id                bigserial primary key,
    submission_id     bigint           not null references submission (id),
    seed              integer          not null,
    -- score: counts for the entry; reproduction: a re-execution of an imported result.
    purpose           text             not null,
    reproduces_run_id bigint references run (id),
    -- queued, running, finished, failed, cancelled, imported
    status            text             not null,
    attempts          integer          not null default 0,
    worker            text,
    heartbeat_at      timestamptz,
    started_at        timestamptz,
    finished_at       timestamptz,
    epoch             integer          not null default 0,
    epochs_total      integer          not null,
    frames            bigint           not null default 0,
    frames_total      bigint           not null,
    success_rate      double precision,
    eta_s             double precision,
    checkpoint        bytea,
    checkpoint_epoch  integer,
    checkpoint_at     timestamptz,
    curve_csv         text,
    log_tail          text,
    result_json       text,
    mean_success      double precision,
    checksum          text,
    error             text,
    -- The run's failure was the infrastructure's, not the config's: it does not count against quotas.
    lost_to_infrastructure boolean     not null default false,
    cancel_requested  boolean          not null default false,
    job_id            uuid             not null unique,
    created_at        timestamptz      not null default now(),
    unique (submission_id, seed, purpose)
);
create index run_status on run (status, id);

-- An entry's statistics, computed when its last seed finishes (never per request).
create table entry (
    submission_id    bigint primary key references submission (id),
    benchmark        text             not null,
    protocol_version integer          not null,
    tier             text             not null,
    computed_at      timestamptz      not null,
    seeds_done       integer          not null,
    seeds_total      integer          not null,
    mean             double precision not null,
    mean_lo          double precision not null,
    mean_hi          double precision not null,
    median           double precision not null,
    median_lo        double precision not null,
    median_hi        double precision not null,
    iqm              double precision not null,
    iqm_lo           double precision not null,
    iqm_hi           double precision not null,
    optimality_gap   double precision not null,
    optimality_gap_lo double precision not null,
    optimality_gap_hi double precision not null,
    mean_return      double precision not null,
    frames           bigint           not null,
    wall_s           double precision not null,
    cpu_hours        double precision not null,
    gpu_hours        double precision not null,
    fps              double precision not null,
    -- Position and rank tier on its board (entries whose mean intervals overlap share a tier).
    rank             integer,
    rank_tier        integer,
    -- Per-task intervals, curves, performance profile, per-seed manifests (JSON).
    details_json     text             not null
);
create index entry_board on entry (benchmark, protocol_version, tier);

-- Probability of improvement between two entries of one board, stored once per pair (a < b):
-- P(b > a) = 1 - P(a > b).
create table improvement (
    entry_a  bigint           not null references entry (submission_id),
    entry_b  bigint           not null references entry (submission_id),
    point    double precision not null,
    lo       double precision not null,
    hi       double precision not null,
    primary key (entry_a, entry_b)
);
create index improvement_b on improvement (entry_b);

create table board (
    id               bigserial primary key,
    benchmark        text        not null,
    protocol_version integer     not null,
    tier             text        not null,
    computed_at      timestamptz not null,
    -- Bumped on every recompute, so a server can tell its cached board is stale.
    version          bigint      not null,
    entries          integer     not null,
    unique (benchmark, protocol_version, tier)
);

-- Every status change, with its reason. Append-only: the trigger refuses updates and deletes.
create table audit_event (
    id            bigserial primary key,
    at            timestamptz not null default now(),
    submission_id bigint references submission (id),
    run_id        bigint references run (id),
    seed          integer,
    from_status   text,
    to_status     text        not null,
    reason        text        not null,
    actor         text        not null
);
create index audit_submission on audit_event (submission_id, id);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
