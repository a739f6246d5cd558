-- A server that removed the bot (Discord sends no event for a kick): set
-- when a delivery's 50001 Missing Access / 10004 Unknown Guild was
-- confirmed by `GET /guilds/{id}` answering the same about the server
-- itself. Cleared when the server shows it still has the bot (an
-- interaction, the bot added again, a delivery that succeeds). A day after
-- it was set, maintenance looks once more and removes the server's data.
ALTER TABLE guild_config ADD COLUMN gone_since BIGINT;
CREATE INDEX guild_config_gone_since ON guild_config (gone_since) WHERE gone_since IS NOT NULL;
