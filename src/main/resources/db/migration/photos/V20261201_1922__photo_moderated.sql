-- A photo hidden by the platform's admins: its team cannot show it again.
alter table photo add column moderated boolean not null default false;
