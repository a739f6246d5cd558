# /setup: the server's defaults, the check that the bot can post, and the
# names of Discord's permissions as Discord's own settings call them.

setup-choose-channel-first = First choose where live notifications go: `/{ -cmd-setup } { -opt-channel }:#your-channel`. After that, `/{ -cmd-setup }` changes only the options you give it.
setup-role-needed = To ping a role, pick it with the `{ -opt-role }:` option, e.g. `/{ -cmd-setup } { -opt-role }:@Live`.

## What would stop notifications from working, each with its fix.
setup-check-failed = I couldn't check my permissions in <#{ $channel }> just now. Run `/{ -cmd-streamers } { -cmd-streamers-test }` to check that I can post there.
setup-check-slow = Discord was slow to tell me my permissions in <#{ $channel }>. Run `/{ -cmd-streamers } { -cmd-streamers-test }` to check that I can post there.
setup-missing-permissions = { $count ->
    [one] I'm missing { $permissions } in <#{ $channel }>. Open the channel's settings → Permissions, add the StreamMaxing role and allow it.
   *[other] I'm missing { $permissions } in <#{ $channel }>. Open the channel's settings → Permissions, add the StreamMaxing role and allow them.
}
setup-role-unmentionable = <@&{ $role }> can't be mentioned, so the ping would reach nobody. In Server Settings → Roles → { $name }, turn on **Allow anyone to @mention this role** (or give me **{ setup-perm-mention-everyone }** in <#{ $channel }>).
setup-opt-in-needs-manage-roles = Opt-in pings need a role per streamer that I create and hand out, so I need **{ setup-perm-manage-roles }** (Server Settings → Roles → StreamMaxing).
setup-opt-in-needs-mention-all = Opt-in roles can't be @mentioned by members (so nobody can mass-ping everyone who opted in); I ping them myself, which needs **{ setup-perm-mention-everyone }** in <#{ $channel }>. Without it the notification is posted but pings nobody.
setup-webhooks-needed = Posting as the streamer goes through a webhook I create in <#{ $channel }>, which needs **{ setup-perm-manage-webhooks }** there. Until I have it, alerts are posted as StreamMaxing.
setup-history-needed = When Discord loses the answer to a post, I read <#{ $channel }>'s recent messages to make sure the alert isn't there before posting it again, which needs **{ setup-perm-read-message-history }**. Without it a lost answer can mean a duplicate alert.
setup-manage-messages-needed = Publishing an alert the streamer's webhook posted in <#{ $channel }> to following servers needs **{ setup-perm-manage-messages }** there (it isn't my own message). Without it alerts are posted but not published.

## Discord's permission names, as its settings show them.
setup-perm-view-channel = View Channel
setup-perm-send-messages = Send Messages
setup-perm-embed-links = Embed Links
setup-perm-manage-roles = Manage Roles
setup-perm-mention-everyone = Mention @everyone, @here and All Roles
setup-perm-manage-messages = Manage Messages
setup-perm-manage-webhooks = Manage Webhooks
setup-perm-read-message-history = Read Message History
# "**A**, **B** and **C**": the names but the last, joined by setup-list-separator, then the last.
setup-list-separator = {", "}
setup-list-last = { $init } and { $last }

## The summary of the saved settings.
setup-title-ok = ✅ Live notifications are set up
setup-title-paused = ⏸️ Saved: live notifications are paused
setup-title-problems = ⚠️ Saved, but something needs fixing
setup-field-channel = Channel
setup-field-pings = Pings
setup-field-after-stream = When a stream ends
setup-field-publish = Publish in announcement channels
setup-field-drops = Stream drops
setup-field-while-live = While live
setup-field-posted-as = Posted as
setup-field-language = Language
setup-field-status = Status
setup-channel-none = none
setup-pings-opt-in = members who opted in with `/{ -cmd-notify } { -cmd-notify-on }`
setup-pings-nobody = nobody
setup-after-edit = its message is edited to say how long it lasted
setup-after-delete = its message is deleted
setup-after-keep = its message is left as it is
setup-publish-yes = yes
setup-publish-no = no
setup-cooldown-off = off: every go-live posts a new message
setup-cooldown = a stream back within { $minutes } min reuses its message
setup-refresh-off = off: a live message changes only with the title or game
setup-refresh = fresh preview and viewer count every { $minutes } min
setup-posted-as-streamer = the streamer (name and avatar)
setup-language-server = the server's ({ $language })
setup-status-on = on
setup-status-paused = paused (`/{ -cmd-setup } { -opt-enabled }:True` to resume)
setup-defaults-explained = These are the server's defaults: every streamer's alerts use them unless they have their own (`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:… { -opt-channel }:… { -opt-role }:…`). Next: `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<their Twitch name>`, then `/{ -cmd-streamers } { -cmd-streamers-test }`.
