-- Numbers read on photos (replaced at each read-bibs run). Boxes are fractions of the
-- upright photo.
create table bib_read (
    photo_id   uuid             not null,
    event_id   uuid             not null,
    bib        text             not null,
    read_as    text             not null,
    kind       text             not null,
    confidence double precision not null,
    box_x      real             not null,
    box_y      real             not null,
    box_w      real             not null,
    box_h      real             not null,
    primary key (photo_id, bib)
);
create index bib_read_event on bib_read (event_id);

-- A small colour signature of the photo's centre: "similar person" within a burst.
create table photo_signature (
    photo_id  uuid   primary key,
    event_id  uuid   not null,
    histogram real[] not null
);

-- Photo <-> runner links, one per photo and bib (the strongest source).
create table photo_link (
    photo_id   uuid             not null,
    event_id   uuid             not null,
    bib        text             not null,
    source     text             not null,
    confidence double precision not null,
    primary key (photo_id, bib)
);
create index photo_link_event_bib on photo_link (event_id, bib);

-- Corrections made by people: they win over automatic links and survive re-processing.
create table manual_bib (
    photo_id   uuid        not null,
    event_id   uuid        not null,
    bib        text        not null,
    present    boolean     not null,
    account_id uuid,
    created_at timestamptz not null default now(),
    primary key (photo_id, bib)
);

-- Faces (events with face features on only), deleted when the event's retention passes.
create table face (
    id         uuid        primary key,
    photo_id   uuid        not null,
    event_id   uuid        not null,
    box_x      real        not null,
    box_y      real        not null,
    box_w      real        not null,
    box_h      real        not null,
    score      real        not null,
    quality    real        not null,
    embedding  real[]      not null,
    created_at timestamptz not null default now()
);
create index face_event on face (event_id);
create index face_photo on face (photo_id);
