-- An email filed from Gmail (G1, G2, G5): the message it came from, who it was between, who filed it.
-- {"gmailMessageId", "gmailThreadId", "mailbox", "direction", "from": {address, name}, "to": [...], "cc": [...], "filedBy"}
alter table correspondence_entry add column email jsonb;
create index correspondence_entry_gmail_message on correspondence_entry (practice_id, (email ->> 'gmailMessageId'))
    where email is not null;
