-- Who marked an entry as actioned, when and where ("I called them back"): set once, never cleared.
alter table correspondence_entry
    add column actioned_at  timestamptz,
    add column actioned_by  uuid,
    add column actioned_via text check (actioned_via in ('APP', 'SLACK')),
    add constraint correspondence_entry_actioned_whole
        check ((actioned_at is null and actioned_by is null and actioned_via is null)
            or (actioned_at is not null and actioned_by is not null and actioned_via is not null));
