-- The embedding in 8 bits per value (512 bytes), which selfie search reads into memory:
-- parsing 50,000 real[] arrays took 15 s, these bytes a fraction of a second. Faces stored
-- before have none; selfie search quantises their real[] when it reads them.
alter table face add column embedding_q bytea;
create index face_event_created on face (event_id, created_at);
