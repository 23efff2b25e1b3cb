-- Which path a delivery that may go more than one way (an email sent as a user: their Gmail or SMTP) last tried
-- with an unknown outcome (5xx, timeout). Its retries stay on that path: switching could send the message twice.
alter table delivery add column route text;
