-- The five pro roles had the same rights: they become one role, PRO, and what kind of
-- professional the account is becomes its profile (a description, not a right).
alter table account add column pro_profile text;

update account set pro_profile = role, role = 'PRO'
where role in ('PHOTOGRAPHER', 'ORGANIZER', 'AGENCY', 'CLUB', 'FEDERATION');

alter table account add constraint account_pro_profile
    check ((role = 'PRO') = (pro_profile is not null));
