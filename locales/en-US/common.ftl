# Replies every command shares.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } alert route of this server is not posting: `/{ -cmd-streamers } { -cmd-streamers-list }` shows why and how to fix it.
   *[other] ⚠️ { $count } alert routes of this server are not posting: `/{ -cmd-streamers } { -cmd-streamers-list }` shows why and how to fix them.
}
admins-only = 🔒 Only members with the **Manage Server** permission can change StreamMaxing's settings. Ask a server admin to run this, or to give you that permission.
failed-try-again = ⚠️ Something went wrong on our side and it didn't finish. Please try again in a minute.

# The plumbing every interaction goes through.

common-server-only = StreamMaxing works inside a server: use its commands in a channel of a server it was added to.
common-unknown-interaction = StreamMaxing doesn't handle that kind of interaction.
common-failed-nothing-changed = ⚠️ Something went wrong on our side and nothing was changed. Please try again in a minute; if it keeps happening, the bot's operator can find the details in its logs.
common-unreadable-options = I couldn't read that command's options; Discord may still be showing an older version of it. Please try again in a minute.
common-unknown-command = StreamMaxing doesn't know the command `/{ $command }` any more. The server's command list will refresh shortly.
common-button-without-data = That button didn't come with any data.
common-button-outdated = That button is from an older version of StreamMaxing and no longer does anything.
