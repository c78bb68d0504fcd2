-- When a sender claimed the mail (committed before the SMTP conversation): a row still PENDING with
-- this set was cut off mid-send, and is never sent again, so that no mail can arrive twice.
ALTER TABLE notification ADD COLUMN sending_since timestamptz;
