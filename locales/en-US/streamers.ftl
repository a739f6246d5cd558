# /streamers add|remove|list|test|link, adding many at once, teams, and
# the login: autocomplete.

## /streamers add

streamers-no-twitch = This StreamMaxing can't reach Twitch yet: its operator needs to set TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET and TWITCH_EVENTSUB_SECRET.
streamers-role-missing = To ping a role on this route, pick it with `{ -opt-role }:`, e.g. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:shroud { -opt-role }:@Live`.
streamers-login-or-team = Name streamers (`{ -opt-login }:`) or a team (`{ -opt-team }:`), not both at once.
streamers-name-someone = Name a streamer with `{ -opt-login }:` (type to search Twitch; several separated by commas) or a Twitch Team with `{ -opt-team }:`.
streamers-name-login = Name a streamer with `{ -opt-login }:`: the name from their channel address, twitch.tv/**name**.
streamers-too-many = That's { $count } names; I can add up to { $max } at once. Split the list in two.
streamers-not-found = I couldn't find a Twitch account called **{ $login }**. Check the spelling: it's the name in twitch.tv/**name**.
streamers-route-vanished = That route was removed while I was adding it; run the command again.
streamers-title-following = Now following { $name }
streamers-title-another-channel = Added another channel for { $name }
streamers-title-already = Already following { $name }
streamers-title-updated = Updated { $name }'s alerts
streamers-title-moved = Moved { $name }'s alerts
streamers-live-now = 🔴 They're live right now: I posted their current stream, without a ping.
streamers-moved-note = The route that posted in the deleted channel <#{ $channel }> posts here now, with its ping, template and filters.
streamers-other-routes = { $count ->
    [one] They have { $count } other alert route here: `/{ -cmd-streamers } { -cmd-streamers-list }` shows them all.
   *[other] They have { $count } other alert routes here: `/{ -cmd-streamers } { -cmd-streamers-list }` shows them all.
}
streamers-field-posts-in = Posts in
streamers-field-pings = Pings
streamers-field-filters = Filters
streamers-field-status = Status
streamers-no-filters = none: every stream (`/{ -cmd-filter }` adds some)
streamers-paused-status = ⏸️ paused (`{ -opt-enabled }:True` resumes it)
streamers-budget-full = ⚠️ I can't follow **{ $name }** yet: Twitch's live-alert budget for this StreamMaxing is full. { $how }
streamers-budget-full-numbers = ⚠️ I can't follow **{ $name }** yet: Twitch's live-alert budget for this StreamMaxing is full ({ $used } of { $max } used; following them needs { $needed } more). { $how }
streamers-how-to-free-room = Streamers who link their Twitch account don't count against it: run `/{ -cmd-streamers } { -cmd-streamers-link }` and send them the link page. Removing streamers nobody needs any more (`/{ -cmd-streamers } { -cmd-streamers-remove }`) frees room too.
streamers-alerts-active = ✅ Twitch will tell me the moment they go live.
streamers-alerts-wait = ⚠️ Twitch's subscription budget for this StreamMaxing is full, so their alerts wait for room. { $how }
streamers-alerts-retrying = ⚠️ Twitch didn't accept the live-alert subscription yet ({ $why }). I'll keep retrying every minute.
streamers-pings-opted-in = members who opted in (`/{ -cmd-notify } { -cmd-notify-on }`)
streamers-pings-role-unset = nobody (the role is not set: `/{ -cmd-setup } { -opt-role }:`)
streamers-pings-nobody = nobody

## /streamers add with several names or a team

streamers-did-you-mean = { $login } (did you mean **{ $guess }**?)
streamers-many-title = Added { $added } of { $total } streamers
streamers-team-not-found = I couldn't find a Twitch Team called **{ $name }**. It's the name in its address: twitch.tv/team/**name**.
streamers-team-empty = The team **{ $name }** has no members yet, so there is nobody to follow.
streamers-team-roster-note = I check the team's roster every { $hours } hours: members who join are followed, members who leave are unfollowed (unless you added them by name). `/{ -cmd-streamers } { -cmd-streamers-list }` shows the latest changes.
streamers-team-title = Following the team { $name }
streamers-many-live = { $count ->
    [one] 🔴 { $count } of them is live right now: I posted their current stream, without a ping.
   *[other] 🔴 { $count } of them are live right now: I posted their current streams, without a ping.
}
streamers-group-added = ✅ Added
streamers-group-already = Already followed
streamers-group-not-found = ❓ Not found on Twitch
streamers-group-invalid = ⚠️ Not Twitch names
streamers-group-no-room = ⛔ No room in Twitch's subscription budget
streamers-group-waiting = ⏳ Following, but Twitch's live alerts wait

## /streamers remove

streamers-remove-whom = Name a streamer (`{ -opt-streamer }:`) or a followed team (`{ -opt-team }:`) to remove.
streamers-unfollowed = Stopped following **{ $name }**. No more notifications for them here.
streamers-unfollowed-role-deleted = Stopped following **{ $name }**. No more notifications for them here. The 🔔 role I made for them is deleted.
streamers-stopped-routes = Stopped **{ $name }**'s alerts in { $places }. Their other alerts here go on (`/{ -cmd-streamers } { -cmd-streamers-list }`).
streamers-team-not-followed = This server doesn't follow a team called **{ $name }**. `/{ -cmd-streamers } { -cmd-streamers-list }` shows the teams it follows.
streamers-team-stopped-none = Stopped following the team **{ $team }**. None of the streamers it added were left to unfollow.
streamers-team-stopped = { $count ->
    [one] Stopped following the team **{ $team }**. No more notifications for the { $count } streamer it added: { $names }. Streamers you added by name stay.
   *[other] Stopped following the team **{ $team }**. No more notifications for the { $count } streamers it added: { $names }. Streamers you added by name stay.
}

## /streamers list

streamers-list-no-channel = ⚠️ No server channel chosen yet: run `/{ -cmd-setup } { -opt-channel }:#your-channel`.
streamers-list-paused = ⏸️ Notifications are paused in this server (`/{ -cmd-setup } { -opt-enabled }:True`).
streamers-list-empty = This server doesn't follow anyone yet. Add a streamer with `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<Twitch name>`.
streamers-list-title = { $streamers ->
    [one] Following { $streamers } streamer
   *[other] Following { $streamers } streamers
} · { $routes ->
    [one] { $routes } alert route
   *[other] { $routes } alert routes
}
streamers-list-title-attention = { $streamers ->
    [one] Following { $streamers } streamer
   *[other] Following { $streamers } streamers
} · { $routes ->
    [one] { $routes } alert route
   *[other] { $routes } alert routes
} · { $attention ->
    [one] ⚠️ { $attention } needs attention
   *[other] ⚠️ { $attention } need attention
}
streamers-list-page = Page { $page } of { $count }
streamers-list-previous = ◀ Previous
streamers-list-next = Next ▶
streamers-team-line = { $count ->
    [one] 👥 Team **{ $name }** (`{ $slug }`): { $count } member followed through it, roster checked <t:{ $checked }:R>
   *[other] 👥 Team **{ $name }** (`{ $slug }`): { $count } members followed through it, roster checked <t:{ $checked }:R>
}
streamers-team-latest-change = latest change <t:{ $at }:R>: { $change }
streamers-team-joined = joined: { $names }
streamers-team-left = left: { $names }
streamers-team-gone = the team no longer exists on Twitch; its streamers stay followed
streamers-live-game = 🔴 live: { $game }
streamers-live = 🔴 live now
streamers-offline = ⚫ offline
streamers-linked = ✔️ linked
streamers-health-user-removed = ⚠️ this Twitch account was deleted or banned: remove it with `/{ -cmd-streamers } { -cmd-streamers-remove }`
streamers-health-active = ✅ alerts active
streamers-health-confirming = ⏳ alerts being confirmed by Twitch
streamers-health-waiting = ⚠️ alerts wait for room in Twitch's subscription budget: streamers who link their account (`/{ -cmd-streamers } { -cmd-streamers-link }`) don't count, and `/{ -cmd-streamers } { -cmd-streamers-remove }` frees room
streamers-health-retrying = ⚠️ alerts not active yet: I retry every minute (the operator can run `streammaxing eventsub sync`)
streamers-route-line = → { $place } · pings { $whom }
streamers-route-own-template = own template
streamers-route-paused = ⏸️ paused
streamers-route-last-posted = last posted <t:{ $at }:R>
streamers-route-never-posted = never posted yet
streamers-route-not-posting = ⚠️ **Not posting** ({ $code }): { $detail }

## /streamers test

streamers-test-more = { $count ->
    [one] …and { $count } more route: test it with `{ -opt-channel }:`.
   *[other] …and { $count } more routes: test them one at a time with `{ -opt-channel }:`.
}
streamers-test-no-channel = There's no channel to post in yet. Choose one with `/{ -cmd-setup } { -opt-channel }:#your-channel`.
# Heads the sample alert posted in the channel (the server's language).
streamers-test-header = 🧪 **Test notification** (nobody was pinged)
streamers-test-posted = ✅ Posted a test notification for **{ $name }** in { $channel }: { $link }. Nobody was pinged.
streamers-test-resumed = This route had stopped after an earlier failure; it is back on.
streamers-filters-none = No filters on this route: every stream is announced.
streamers-filters-pass-live = 🟢 Filters: their stream now would be announced.
streamers-filters-pass-offline = 🟢 Filters: a stream with their current title and game would be announced.
streamers-filters-block-live = 🟡 Filters: their stream now would **not** be announced: { $why }.
streamers-filters-block-offline = 🟡 Filters: a stream with their current title and game would **not** be announced: { $why }.
streamers-post-not-allowed = ❌ I can't post in { $channel }: I'm missing permissions there. Give the StreamMaxing role **View Channel**, **Send Messages** and **Embed Links** in that channel's settings, then try again.
streamers-post-unknown-channel = ❌ The channel { $channel } no longer exists. Choose a new one with `/{ -cmd-setup } { -opt-channel }:` (or `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-channel }:` for this streamer's own channel).
streamers-post-refused = ❌ Discord refused the message (error { $code }). Check the template with `/{ -cmd-template } { -cmd-template-preview }`.

## /streamers link

streamers-link-unavailable = The link page isn't available on this StreamMaxing: its operator needs to set APP_SECRET.
streamers-link-button = Open the link page
streamers-link-text = Send this link to the streamer. On it they connect their Twitch account: this server then follows them, they show as verified, and their alerts stop counting against Twitch's subscription limit. The link works once and expires <t:{ $expires }:R>.

## login: autocomplete

streamers-choice-live = 🔴 { $name } · live
streamers-choice-followed = followed here
streamers-not-a-login = “{ $typed }” isn't a Twitch name. Use the name from their channel address: twitch.tv/**name** (letters, numbers and underscores, up to 25).
