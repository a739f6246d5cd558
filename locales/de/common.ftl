# Antworten, die alle Befehle teilen.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } Benachrichtigungsroute dieses Servers postet nicht: `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt, warum und wie du sie reparierst.
   *[other] ⚠️ { $count } Benachrichtigungsrouten dieses Servers posten nicht: `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt, warum und wie du sie reparierst.
}
admins-only = 🔒 Nur Mitglieder mit der Berechtigung **Server verwalten** können die Einstellungen von StreamMaxing ändern. Bitte einen Server-Admin, dies auszuführen oder dir diese Berechtigung zu geben.
failed-try-again = ⚠️ Bei uns ist etwas schiefgegangen, deshalb wurde der Vorgang nicht abgeschlossen. Bitte versuche es in einer Minute noch einmal.

# Was jede Interaktion durchläuft.

common-server-only = StreamMaxing funktioniert nur auf einem Server: Nutze seine Befehle in einem Kanal eines Servers, zu dem es hinzugefügt wurde.
common-unknown-interaction = Mit dieser Art von Interaktion kann StreamMaxing nichts anfangen.
common-failed-nothing-changed = ⚠️ Bei uns ist etwas schiefgegangen, es wurde nichts geändert. Bitte versuche es in einer Minute noch einmal; passiert das immer wieder, findet der Betreiber des Bots die Details in seinen Logs.
common-unreadable-options = Ich konnte die Optionen dieses Befehls nicht lesen; vielleicht zeigt Discord noch eine ältere Version davon an. Bitte versuche es in einer Minute noch einmal.
common-unknown-command = StreamMaxing kennt den Befehl `/{ $command }` nicht mehr. Die Befehlsliste des Servers wird gleich aktualisiert.
common-button-without-data = Dieser Button kam ohne Daten an.
common-button-outdated = Dieser Button stammt aus einer älteren Version von StreamMaxing und macht nichts mehr.
