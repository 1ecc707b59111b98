-- Whether the web version, the preview and (on the buyer's choice) the sold file get the
-- automatic exposure, white-balance and sharpness correction. The original never does.
alter table event add column auto_edit boolean not null default false;
