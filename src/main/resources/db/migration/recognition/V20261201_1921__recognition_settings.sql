-- Platform-wide recognition settings changed by admins at runtime (/admin/ai). A missing
-- row means the code's default (or application.yml's) applies.
create table recognition_setting (
    name       text        primary key,
    value      text        not null,
    updated_at timestamptz not null,
    updated_by uuid
);
