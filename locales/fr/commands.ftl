# The slash commands as Discord shows them: names (terms, so replies can
# name a command as the member sees it: `/{ -cmd-notify } { -cmd-notify-on }`),
# descriptions (at most 100 characters) and choices.
# Names: lowercase, no spaces, at most 32 characters, unique among siblings.

## Command and subcommand names.
-cmd-filter = filter
-cmd-filter-game = game
-cmd-filter-title = title
-cmd-filter-clear = clear
-cmd-notify = notify
-cmd-notify-on = on
-cmd-notify-off = off
-cmd-notify-list = list
-cmd-notify-forget = forget
-cmd-setup = setup
-cmd-streamers = streamers
-cmd-streamers-add = add
-cmd-streamers-remove = remove
-cmd-streamers-list = list
-cmd-streamers-test = test
-cmd-streamers-link = link
-cmd-template = template
-cmd-template-edit = edit
-cmd-template-preview = preview
-cmd-template-reset = reset

## Option names.
-opt-streamer = streamer
-opt-channel = channel
-opt-game = game
-opt-rule = rule
-opt-words = words
-opt-role = role
-opt-ping = ping
-opt-enabled = enabled
-opt-after-stream = after_stream
-opt-publish = publish
-opt-cooldown = cooldown
-opt-refresh = refresh
-opt-post-as = post_as
-opt-language = language
-opt-login = login
-opt-team = team

cmd-filter-name = { -cmd-filter }
cmd-filter-game-name = { -cmd-filter-game }
cmd-filter-title-name = { -cmd-filter-title }
cmd-filter-clear-name = { -cmd-filter-clear }
cmd-notify-name = { -cmd-notify }
cmd-notify-on-name = { -cmd-notify-on }
cmd-notify-off-name = { -cmd-notify-off }
cmd-notify-list-name = { -cmd-notify-list }
cmd-notify-forget-name = { -cmd-notify-forget }
cmd-setup-name = { -cmd-setup }
cmd-streamers-name = { -cmd-streamers }
cmd-streamers-add-name = { -cmd-streamers-add }
cmd-streamers-remove-name = { -cmd-streamers-remove }
cmd-streamers-list-name = { -cmd-streamers-list }
cmd-streamers-test-name = { -cmd-streamers-test }
cmd-streamers-link-name = { -cmd-streamers-link }
cmd-template-name = { -cmd-template }
cmd-template-edit-name = { -cmd-template-edit }
cmd-template-preview-name = { -cmd-template-preview }
cmd-template-reset-name = { -cmd-template-reset }

opt-streamer-name = { -opt-streamer }
opt-channel-name = { -opt-channel }
opt-game-name = { -opt-game }
opt-rule-name = { -opt-rule }
opt-words-name = { -opt-words }
opt-role-name = { -opt-role }
opt-ping-name = { -opt-ping }
opt-enabled-name = { -opt-enabled }
opt-after-stream-name = { -opt-after-stream }
opt-publish-name = { -opt-publish }
opt-cooldown-name = { -opt-cooldown }
opt-refresh-name = { -opt-refresh }
opt-post-as-name = { -opt-post-as }
opt-language-name = { -opt-language }
opt-login-name = { -opt-login }
opt-team-name = { -opt-team }

## Descriptions.
cmd-filter-desc = Announce only some of a streamer's streams: by game or by words in the title
cmd-filter-game-desc = Only announce a game, never announce it, or drop that rule
cmd-filter-title-desc = Require or skip words in the stream title (whole words, any case)
cmd-filter-clear-desc = Remove every filter: announce all of a streamer's streams
cmd-notify-desc = Choose which streamers' live notifications ping you
cmd-notify-on-desc = Get pinged when this streamer goes live
cmd-notify-off-desc = Stop being pinged when this streamer goes live
cmd-notify-list-desc = Show which streamers ping you
cmd-notify-forget-desc = Erase what the bot keeps about you in this server, and take back its 🔔 roles
cmd-setup-desc = Choose where live notifications are posted and whom they ping
cmd-streamers-desc = Manage the Twitch streamers this server gets live notifications for
cmd-streamers-add-desc = Follow a streamer in a channel (again with another channel for a second route)
cmd-streamers-remove-desc = Stop a streamer's alerts (in one channel, or everywhere)
cmd-streamers-list-desc = Show every streamer and alert route of this server, and whether they are healthy
cmd-streamers-test-desc = Post a sample notification now (pings nobody) to check everything works
cmd-streamers-link-desc = Get a link a streamer can use to connect their Twitch account
cmd-template-desc = Customise what live notifications look like
cmd-template-edit-desc = Edit the notification template (for the server, or one streamer)
cmd-template-preview-desc = Show a notification exactly as it will be posted
cmd-template-reset-desc = Go back to the default template

opt-streamer-desc = The streamer (Twitch name)
opt-route-channel-desc = Only their alerts in this channel (default: all of them)
opt-filter-game-desc = The game or category, as Twitch names it
opt-filter-game-rule-desc = What to do with it
opt-filter-words-desc = Words or phrases, separated by commas (e.g. "rerun, reupload")
opt-filter-title-rule-desc = What to do with them
opt-setup-channel-desc = Channel for live notifications (needed the first time; then only to change it)
opt-setup-role-desc = Role to ping when a streamer goes live
opt-setup-ping-desc = Who gets pinged (default: the role if you pick one, otherwise nobody)
opt-setup-enabled-desc = Turn live notifications on or off for this server
opt-setup-after-stream-desc = What happens to the message when the stream ends (default: edit it)
opt-setup-publish-desc = In announcement channels, publish notifications to following servers (default: on)
opt-setup-cooldown-desc = Minutes a stream that drops and comes back reuses its message (default 10, 0 = off)
opt-setup-refresh-desc = Minutes between updates of a live message's preview and viewers (default 10, 0 = off)
opt-setup-post-as-desc = Post as the bot, or as the streamer (their name and avatar, through a channel webhook)
opt-setup-language-desc = The language of alerts and the default template (default: the server's language)
opt-add-login-desc = Their Twitch name, as in twitch.tv/<name> (type to search; several: separate with spaces or commas)
opt-add-channel-desc = Post their alerts here (default: the /setup channel). Another channel adds another route
opt-add-ping-desc = Who this route pings (default: as /setup says)
opt-add-role-desc = The role this route pings
opt-add-enabled-desc = Turn this route on or off
opt-add-team-desc = A Twitch Team (as in twitch.tv/team/<name>): follow every member, and keep up with its roster
opt-remove-team-desc = A followed Twitch Team: stop following it and the members it added
opt-test-channel-desc = Only their route in this channel (default: each of their routes)
opt-template-streamer-desc = Only for this streamer (leave empty for the whole server)
opt-template-channel-desc = With streamer: only their alerts in this channel
opt-preview-streamer-desc = Preview this streamer's notification (default: the server's template)

## Choices (at most 100 characters).
choice-filter-game-only = Only announce streams in this game
choice-filter-game-skip = Never announce streams in this game
choice-filter-game-remove = Remove this game's rule
choice-filter-title-has = Only announce titles with one of these
choice-filter-title-skip = Never announce titles with any of these
choice-filter-title-remove = Remove these words' rules
choice-ping-server = As the server's /setup says
choice-ping-none = Nobody
choice-ping-role = The role I pick
choice-ping-streamer-role = Members who opt in per streamer with /notify
choice-after-stream-edit = Edit it to say how long the stream lasted
choice-after-stream-delete = Delete it
choice-after-stream-keep = Leave it as it is
choice-post-as-bot = The bot (StreamMaxing)
choice-post-as-streamer = The streamer (their name and avatar, through a webhook I create)
choice-language-server = The server's language (as Discord has it)
