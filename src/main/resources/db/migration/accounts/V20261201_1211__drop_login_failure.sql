-- Failed logins are counted in the shared rate-limit buckets (rate_limit_bucket) now.
drop table login_failure;
