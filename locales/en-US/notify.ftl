# /notify and the 🔔 button: a member chooses which streamers ping them.

notify-streamer-gone = This server doesn't follow that streamer any more.
notify-list-empty = This server doesn't follow any streamers yet.
notify-list-title = Your live pings
notify-list-how-to-change = Change with `/{ -cmd-notify } { -cmd-notify-on }` / `/{ -cmd-notify } { -cmd-notify-off }`, or the 🔔 button under any live notification.
notify-forgotten = 🧹 Done: I erased what I kept about you in this server ({ $erased ->
        [one] { $erased } saved choice or draft
       *[other] { $erased } saved choices or drafts
    }) and took back { $roles ->
        [one] { $roles } 🔔 role
       *[other] { $roles } 🔔 roles
    } I gave you. Your id is also gone from anything you added here. What I keep, and for how long: { $privacy }
notify-on-done = 🔔 You'll be pinged when **{ $name }** goes live. `/{ -cmd-notify } { -cmd-notify-off }` undoes it.
notify-off-done = 🔕 You won't be pinged for **{ $name }** any more. `/{ -cmd-notify } { -cmd-notify-on }` undoes it.
notify-cannot-give-roles = I can't hand out notification roles here. An admin needs to give me **Manage Roles** and drag my role above the streamers' notification roles (Server Settings → Roles).
notify-too-many-roles = This server has Discord's maximum of 250 roles, so I can't make a notification role for **{ $name }**. An admin can delete roles nobody uses any more (Server Settings → Roles), then try again.
# The role the bot creates for a streamer's opt-in pings (named in the server's language).
notify-role-name = { $name } live

# /notify on|off where the server pings a role for everyone, or nobody.
notify-opt-in-needs-admin = Per-member pings need an admin to turn on opt-in pings (`/{ -cmd-setup } { -opt-ping }:{ choice-ping-streamer-role }`).
notify-role-held-off = This server pings <@&{ $role }> for everyone when **{ $name }** goes live, and you have that role, so I can't switch your ping off on its own. You can leave <@&{ $role }> if the server lets you pick roles (Channels & Roles), or turn off role mentions for this server (server name → Notification Settings → Suppress All Role @mentions).
notify-role-not-held-off = You won't be pinged for **{ $name }**: this server pings <@&{ $role }> when they go live, and you don't have that role.
notify-role-held-on = You're already pinged when **{ $name }** goes live: this server pings <@&{ $role }>, and you have that role.
notify-role-not-held-on = This server pings <@&{ $role }> when **{ $name }** goes live. To be pinged, take that role if the server lets you pick roles (Channels & Roles), or ask an admin for it.
notify-nobody-pinged-on = This server doesn't ping anyone when **{ $name }** goes live: the notification is posted without a ping, so there is nothing to switch on.
notify-nobody-pinged-off = This server doesn't ping anyone when **{ $name }** goes live: the notification is posted without a ping, so there is nothing to switch off.
