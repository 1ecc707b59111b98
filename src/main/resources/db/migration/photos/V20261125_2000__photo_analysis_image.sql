-- The upright, unwatermarked image recognition reads (never served).
alter table photo add column analysis_key text;
