-- The board's network and scheme columns (leaderboard pages filter by them). Rows stored before this migration get
-- theirs from their config text at the next start (NetworkLabels.backfill), since SQL cannot parse YAML.
alter table submission add column network text;
alter table submission add column scheme text;
