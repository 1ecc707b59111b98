-- Whether the public search shows runners' full names (default: first name and initial).
alter table event add column public_full_names boolean not null default false;
