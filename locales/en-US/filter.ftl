# /filter, and naming which of a streamer's routes a command means
# (`streamer:` and `channel:`, shared by the commands that take them).

filter-unknown-category = I couldn't find a Twitch category called **{ $game }**. Pick one from the list as you type.
filter-words-none = Type at least one word, e.g. `{ -opt-words }:rerun`.
filter-words-too-many = That's { $count } words; a route keeps up to { $max } per rule.
filter-word-too-long = “{ $word }” is longer than { $max } characters; use a shorter word or phrase.
filter-title = Filters for { $streamer }
filter-none = no filters: every stream
filter-explained = Checked when they go live and again whenever the title or game changes: a stream that switches to a wanted game is announced at the switch. `/{ -cmd-streamers } { -cmd-streamers-test }` shows whether their stream right now would be announced.

## Which routes `streamer:` and `channel:` mean.
filter-not-followed = This server doesn't follow **{ $streamer }**. `/{ -cmd-streamers } { -cmd-streamers-list }` shows who it follows; `/{ -cmd-streamers } { -cmd-streamers-add }` adds someone.
filter-not-in-channel = **{ $streamer }** has no alerts in <#{ $channel }>. Their alerts go to { $places }. Leave out `{ -opt-channel }:` to mean all of them.
filter-place-server = <#{ $channel }> (the server's channel)
filter-place-none = the server's channel (none chosen yet: `/{ -cmd-setup } { -opt-channel }:`)
