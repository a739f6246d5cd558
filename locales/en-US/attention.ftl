# Why a route stopped posting and the one command that fixes it: stored
# when delivery fails, in the server's language, and shown to admins by
# `/streamers list`. `{ $test }` is the test command for the route.

attention-test-route = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login } { -opt-channel }:#…`
attention-test-server = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login }`
attention-route-channel-deleted = { $name }'s alert channel <#{ $channel }> was deleted. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…` moves this route to another channel.
attention-server-channel-deleted = The server's alert channel <#{ $channel }> was deleted, so { $name }'s alerts stopped. Choose another with `/{ -cmd-setup } { -opt-channel }:#…`.
attention-webhook-deleted = The webhook { $name }'s alerts went through was deleted. Run { $test }.
attention-missing-permissions = I can't post { $name }'s alerts in <#{ $channel }>: give the StreamMaxing role **View Channel**, **Send Messages** and **Embed Links** there, then run { $test }.
attention-no-channel = No alert channel for { $name }: choose the server's with `/{ -cmd-setup } { -opt-channel }:#…` (or give this streamer their own with `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…`).
