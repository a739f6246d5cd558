-- The language alerts speak: `language` is the one an admin chose with
-- `/setup language:` (a catalog tag, NULL: follow the server), `locale` the
-- server's preferred locale as Discord last sent it with an interaction.
ALTER TABLE guild_config ADD COLUMN language TEXT;
ALTER TABLE guild_config ADD COLUMN locale TEXT;
