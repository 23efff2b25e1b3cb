-- An OAuth flow is bound to the browser that started it (BrowserBinding): the hash of its binding cookie.
-- Pending flows from before this change cannot be completed (they live ten minutes); start them again.
delete from oauth_state;
alter table oauth_state add column browser_hash text not null;
