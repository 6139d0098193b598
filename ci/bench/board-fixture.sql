-- A load-test fixture for the leaderboard endpoint: 1,000 entries on board mt10-rand v2 smoke.
-- Synthetic rows with seeded pseudo-random scores, for a throwaway benchmark database only; they
-- are not results and never go near a real board. Run: psql -v ON_ERROR_STOP=1 -f board-fixture.sql
select setseed(0.42);
insert into team (name, is_admin, submissions_per_day, max_active_runs) values ('load-fixture', false, 0, 0);
insert into submission (team_id, config_text, config_hash, benchmark, protocol_version, tier, method, algorithm, network, scheme, status, origin, created_at, finished_at)
select (select id from team where name = 'load-fixture'), 'synthetic load-test row', md5('fixture' || k), 'mt10-rand', 2, 'smoke',
       'fixture entry ' || k, case when k % 2 = 0 then 'mt-ppo' else 'mt-grpo' end, 'MLP 256-128-64 elu',
       case when k % 3 = 0 then 'multi-head' else 'shared' end, 'finished', 'load-test fixture (ci/bench/board-fixture.sql)',
       now() - (k || ' minutes')::interval, now()
from generate_series(1, 1000) k;
insert into entry (submission_id, benchmark, protocol_version, tier, computed_at, seeds_done, seeds_total, mean, mean_lo, mean_hi,
                   median, median_lo, median_hi, iqm, iqm_lo, iqm_hi, optimality_gap, optimality_gap_lo, optimality_gap_hi,
                   mean_return, frames, wall_s, cpu_hours, gpu_hours, fps, rank, rank_tier, details_json)
select s.id, 'mt10-rand', 2, 'smoke', now(), 3, 3, m, m - 0.05, m + 0.05, m, m - 0.08, m + 0.08, m, m - 0.06, m + 0.06,
       1 - m, 1 - m - 0.05, 1 - m + 0.05, 800 * m, 15000000, 900, 0.75, 0, 16000, null, null, '{}'
from (select id, random() as m from submission where origin like 'load-test%') s;
insert into board (benchmark, protocol_version, tier, computed_at, version, entries)
values ('mt10-rand', 2, 'smoke', now(), 1, 1000)
on conflict (benchmark, protocol_version, tier) do update set version = board.version + 1, entries = 1000;
-- Ranks as the service assigns them (position by mean; tiers are not needed for a read benchmark).
update entry e set rank = r.pos, rank_tier = r.pos from (select submission_id, row_number() over (order by mean desc) pos from entry
    where benchmark = 'mt10-rand' and tier = 'smoke') r where r.submission_id = e.submission_id;
