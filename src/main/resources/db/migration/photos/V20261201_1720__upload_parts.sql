-- A browser upload in progress, now kept where every node reaches it: this row (locked by the
-- node that stores a chunk) and the blob store (the parts under uploads/<id>/, on S3 a multipart
-- upload). The old sessions' bytes were on the disk of the node that received them: those uploads
-- start again, which the upload page does by itself when the server no longer knows an upload.
drop table upload_session;

create table upload_session (
    id             uuid        primary key,
    event_id       uuid        not null,
    account_id     uuid        not null,
    file_name      text        not null,
    size_bytes     bigint      not null,
    -- Null once the upload is done: the same file may then be sent again.
    fingerprint    text,
    -- The bytes received durably: in parts, then in chunks waiting to make a part.
    received_bytes bigint      not null default 0,
    -- The store's name for the parts (an S3 multipart upload id), once a part was stored.
    parts_id       text,
    part_receipts  text[]      not null default '{}',
    parts_bytes    bigint      not null default 0,
    -- Where each chunk waiting to make a part starts (blob uploads/<id>/pending-<start>).
    pending_starts bigint[]    not null default '{}',
    -- The photo was accepted (or refused); what is left in the store is being deleted.
    done           boolean     not null default false,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now()
);

create unique index upload_session_fingerprint on upload_session (account_id, event_id, fingerprint);

create index upload_session_updated_at on upload_session (updated_at);
