-- Reproduction requests: someone (a team, or the service itself for imported baselines) asks for an
-- entry's config to be re-run on some seeds; the runs are ordinary run rows (purpose 'reproduction')
-- on the same job queue, and when the last one ends the request stores the engine's verdict.
create table reproduction (
    id                   bigserial primary key,
    submission_id        bigint      not null references submission (id),
    -- Who asked: a team's name, or 'mtboard' for the re-execution of an imported baseline.
    requested_by         text        not null,
    -- The asking team (its active runs count against its quota); null for the service's own requests.
    requested_by_team_id bigint references team (id),
    requested_at         timestamptz not null default now(),
    backend              text        not null,
    -- The re-run seeds, comma-separated in the order asked.
    seeds                text        not null,
    -- queued, running, done (a verdict), failed (a run failed or no verdict could be reached)
    state                text        not null,
    -- The verdict (state done): outcome is the badge text (ReproductionVerdict.Outcome.label), mode bit-exact or statistical.
    outcome              text,
    mode                 text,
    summary              text,
    verdict_json         text,
    -- Why a failed request has no verdict.
    error                text,
    finished_at          timestamptz
);
create index reproduction_submission on reproduction (submission_id, id);

alter table run add column reproduction_id bigint references reproduction (id);

-- Re-executions queued before requests existed (imported baselines, one per seed) become one request of the service's.
insert into reproduction (submission_id, requested_by, requested_at, backend, seeds, state)
select r.submission_id, 'mtboard', min(r.created_at), 'cpu', string_agg(r.seed::text, ',' order by r.seed),
       case when bool_and(r.status = 'queued') then 'queued' else 'running' end
from run r where r.purpose = 'reproduction' group by r.submission_id;
update run set reproduction_id = (select p.id from reproduction p where p.submission_id = run.submission_id)
where purpose = 'reproduction';
-- (Those whose runs have all ended are judged at the next start, by ReproductionVerdicts.settleAll.)

-- A seed is re-run once per request, and may be re-run by many requests: one scoring run per seed, one run per seed and request.
alter table run drop constraint run_submission_id_seed_purpose_key;
create unique index run_score_seed on run (submission_id, seed) where purpose = 'score';
create unique index run_reproduction_seed on run (reproduction_id, seed) where reproduction_id is not null;
create index run_reproduction on run (reproduction_id) where reproduction_id is not null;
