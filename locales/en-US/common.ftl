# Replies every command shares.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } alert route of this server is not posting: `/{ -cmd-streamers } { -cmd-streamers-list }` shows why and how to fix it.
   *[other] ⚠️ { $count } alert routes of this server are not posting: `/{ -cmd-streamers } { -cmd-streamers-list }` shows why and how to fix them.
}
admins-only = 🔒 Only members with the **Manage Server** permission can change StreamMaxing's settings. Ask a server admin to run this, or to give you that permission.
failed-try-again = ⚠️ Something went wrong on our side and it didn't finish. Please try again in a minute.
