-- Runners a photo without a bib may show, from their passage time (triage suggestions).
create table timing_suggestion (
    photo_id   uuid             not null,
    event_id   uuid             not null,
    bib        text             not null,
    confidence double precision not null,
    primary key (photo_id, bib)
);

create index timing_suggestion_event on timing_suggestion (event_id);
