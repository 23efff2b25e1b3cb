-- Demo entries and a template for the dev stack's first practice (staff from integration-service's demo data:
-- Alex Harbour a…01 is the admin, Sam Patel a…02 and Jo Lee a…03 are staff).
insert into correspondence_entry (id, practice_id, client_id, type, author_user_id, recipient_user_id, subject, body,
                                  occurred_at, caller_name, caller_phone, best_time_to_call, attachments) values
    ('c4000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'c2000000-0000-4000-8000-000000000001',
     'PHONE_MESSAGE', 'a0000000-0000-4000-8000-000000000003', 'a0000000-0000-4000-8000-000000000002',
     'Please call Linh back about the BAS', 'Linh has a question about the GST on the new ute before lodging the BAS.',
     now() - interval '2 hours', 'Linh Nguyen', '+61 400 000 101', 'after 3pm', '[]'),
    ('c4000000-0000-4000-8000-000000000002', '11111111-1111-4111-8111-111111111111', 'c2000000-0000-4000-8000-000000000003',
     'MEETING_NOTE', 'a0000000-0000-4000-8000-000000000002', null,
     'Year-end planning meeting', 'Discussed the trust distribution and the timing of the equipment purchase.',
     now() - interval '3 days', null, null, null,
     '[{"name": "Meeting agenda.pdf", "url": "https://docs.harbour.example/nguyen/agenda.pdf"}]'),
    ('c4000000-0000-4000-8000-000000000003', '11111111-1111-4111-8111-111111111111', 'c2000000-0000-4000-8000-000000000005',
     'FILE_NOTE', 'a0000000-0000-4000-8000-000000000001', null,
     'Bank statements received', 'All twelve months of statements are in the document store.',
     now() - interval '5 days', null, null, null, '[]');

insert into entry_share (id, practice_id, entry_id, shared_by, shared_at, targets) values
    ('c5000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'c4000000-0000-4000-8000-000000000001',
     'a0000000-0000-4000-8000-000000000003', now() - interval '2 hours',
     '[{"kind": "USE_PRACTICE_DEFAULT", "userIds": [], "emailAddress": null, "provider": null, "channel": null}]');

insert into email_template (id, practice_id, name, subject, body, attachments) values
    ('c6000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'Documents needed',
     'Documents for your tax return, {{client.name}}',
     '<p>Dear {{client.name}},</p><p>To prepare your return we need the documents listed in the checklist.</p><p>Kind regards,<br>{{staff.name}}<br>{{practice.name}}</p>',
     '[{"name": "Checklist.pdf", "url": "https://docs.harbour.example/templates/checklist.pdf"}]');
