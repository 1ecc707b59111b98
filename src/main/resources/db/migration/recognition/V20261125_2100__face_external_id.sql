-- Faces indexed by AWS Rekognition: their id in the event's collection (no embedding here).
alter table face add column external_id text;
create index face_external on face (external_id) where external_id is not null;
