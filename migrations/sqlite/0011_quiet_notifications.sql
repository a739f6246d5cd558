-- A notification that pings nobody: the stream that was already live when
-- its route was added (`/streamers add` posts it at once, so the admin sees
-- the route works, without waking the server for a stream that started
-- before anyone asked). Every other row pings as the route chose.
ALTER TABLE notification_log ADD COLUMN quiet BOOLEAN NOT NULL DEFAULT FALSE;
