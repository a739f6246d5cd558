-- What happens to a posted notification after the stream: `end_state` is
-- NULL while live, 'pending' once the stream ended and the message still
-- has to be edited or deleted, 'done' afterwards. The stream's start time
-- lets the ended message say how long it lasted.
ALTER TABLE notification_log ADD COLUMN end_state TEXT;
ALTER TABLE notification_log ADD COLUMN stream_started_at BIGINT;
