-- Demo data for the dev stack; the ids match the dev identity server's users (devstack/src/main/resources/demo/users.json).
insert into practice (id, name) values
    ('11111111-1111-4111-8111-111111111111', 'Harbour & Co Accountants'),
    ('22222222-2222-4222-8222-222222222222', 'Northwind Bookkeeping');

insert into staff_user (id, practice_id, email, display_name, role) values
    ('a0000000-0000-4000-8000-000000000001', '11111111-1111-4111-8111-111111111111', 'alex@harbour.example', 'Alex Harbour', 'PRACTICE_ADMIN'),
    ('a0000000-0000-4000-8000-000000000002', '11111111-1111-4111-8111-111111111111', 'sam@harbour.example', 'Sam Patel', 'STAFF'),
    ('a0000000-0000-4000-8000-000000000003', '11111111-1111-4111-8111-111111111111', 'jo@harbour.example', 'Jo Lee', 'STAFF'),
    ('b0000000-0000-4000-8000-000000000001', '22222222-2222-4222-8222-222222222222', 'nina@northwind.example', 'Nina Berg', 'PRACTICE_ADMIN');
