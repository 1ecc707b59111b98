-- Rate limits shared by every node.

-- Bucket4j's token buckets (PostgreSQL backend): one row per policy and subject; the id
-- holds the policy and a hash of the subject, never an address or an e-mail. A row may be
-- deleted once expires_at (epoch milliseconds) has passed: its bucket is full again.
create table rate_limit_bucket (
    id text primary key,
    state bytea,
    expires_at bigint
);

create index rate_limit_bucket_expires_at on rate_limit_bucket (expires_at);

-- Server-Sent Events streams open on any node, to cap them per client address (hashed).
-- Each node marks its streams every heartbeat; rows no node marked lately no longer count.
create table open_stream (
    id uuid primary key,
    address_key text not null,
    opened_at timestamptz not null,
    seen_at timestamptz not null
);

create index open_stream_address on open_stream (address_key, seen_at);
