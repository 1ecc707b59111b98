-- Hiding a photo no longer replaces its status: "hidden" says the team hid it, "status"
-- where it stands in the pipeline, so showing it again never publishes an unfinished one.
-- Photos hidden until now were mostly published when hidden; one hidden before it was
-- derived has no watermarked version and waits as received (the team re-runs it).
update photo
   set hidden = true,
       status = case when web_key is not null then 'PUBLISHED' else 'RECEIVED' end
 where status = 'HIDDEN';

alter table photo add constraint photo_status_known
    check (status in ('RECEIVED', 'PROCESSING', 'PUBLISHED', 'FAILED'));
