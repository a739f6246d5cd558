# Antworten, die alle Befehle teilen.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } Benachrichtigungsroute dieses Servers postet nicht: `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt, warum und wie du sie reparierst.
   *[other] ⚠️ { $count } Benachrichtigungsrouten dieses Servers posten nicht: `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt, warum und wie du sie reparierst.
}
admins-only = 🔒 Nur Mitglieder mit der Berechtigung **Server verwalten** können die Einstellungen von StreamMaxing ändern. Bitte einen Server-Admin, dies auszuführen oder dir diese Berechtigung zu geben.
failed-try-again = ⚠️ Bei uns ist etwas schiefgegangen, deshalb wurde der Vorgang nicht abgeschlossen. Bitte versuche es in einer Minute noch einmal.
