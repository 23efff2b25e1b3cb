-- Every change to a client or one of its contacts publishes the client's whole snapshot on the compacted
-- register.client.v1 topic (gmail-sync suggests clients from a sender's address with it); the version
-- orders the snapshots of one client for consumers.
alter table client add column version bigint not null default 0;
alter table client add column updated_at timestamptz not null default now();
