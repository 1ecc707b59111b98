-- A sold photo its team deleted: out of the gallery (hidden), its original kept for the
-- buyers, who renew their links from their account.
alter table photo add column withdrawn_at timestamptz;
