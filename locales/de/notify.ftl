# /notify und der 🔔-Button: Ein Mitglied wählt, welche Streamer es pingen.

notify-streamer-gone = Dieser Server folgt diesem Streamer nicht mehr.
notify-list-empty = Dieser Server folgt noch keinen Streamern.
notify-list-title = Deine Live-Pings
notify-list-how-to-change = Ändern mit `/{ -cmd-notify } { -cmd-notify-on }` / `/{ -cmd-notify } { -cmd-notify-off }` oder dem 🔔-Button unter jeder Live-Benachrichtigung.
notify-forgotten = 🧹 Erledigt: Ich habe gelöscht, was ich auf diesem Server über dich gespeichert hatte ({ $erased ->
        [one] { $erased } gespeicherte Auswahl oder Entwurf
       *[other] { $erased } gespeicherte Auswahlen oder Entwürfe
    }), und dir { $roles ->
        [one] { $roles } 🔔-Rolle
       *[other] { $roles } 🔔-Rollen
    } wieder weggenommen, die ich dir gegeben hatte. Deine ID ist auch überall entfernt, wo du hier etwas hinzugefügt hast. Was ich speichere und wie lange: { $privacy }
notify-on-done = 🔔 Du wirst gepingt, wenn **{ $name }** live geht. `/{ -cmd-notify } { -cmd-notify-off }` macht das rückgängig.
notify-off-done = 🔕 Du wirst für **{ $name }** nicht mehr gepingt. `/{ -cmd-notify } { -cmd-notify-on }` macht das rückgängig.
notify-cannot-give-roles = Ich kann hier keine Benachrichtigungsrollen vergeben. Ein Admin muss mir **Rollen verwalten** geben und meine Rolle über die Benachrichtigungsrollen der Streamer ziehen (Servereinstellungen → Rollen).
notify-too-many-roles = Dieser Server hat das Discord-Maximum von 250 Rollen erreicht, deshalb kann ich keine Benachrichtigungsrolle für **{ $name }** erstellen. Ein Admin kann Rollen löschen, die niemand mehr nutzt (Servereinstellungen → Rollen), dann versuch es noch einmal.
# Die Rolle, die der Bot für die Opt-in-Pings eines Streamers erstellt (in der Sprache des Servers).
notify-role-name = { $name } live

# /notify on|off, wenn der Server eine Rolle für alle pingt oder niemanden.
notify-opt-in-needs-admin = Pings pro Mitglied muss ein Admin erst einschalten (`/{ -cmd-setup } { -opt-ping }:{ choice-ping-streamer-role }`).
notify-role-held-off = Dieser Server pingt <@&{ $role }> für alle, wenn **{ $name }** live geht, und du hast diese Rolle, deshalb kann ich deinen Ping nicht einzeln ausschalten. Du kannst <@&{ $role }> verlassen, wenn der Server dich Rollen wählen lässt (Kanäle & Rollen), oder Rollen-Erwähnungen für diesen Server ausschalten (Servername → Benachrichtigungseinstellungen → Alle Rollen-@Erwähnungen unterdrücken).
notify-role-not-held-off = Du wirst für **{ $name }** nicht gepingt: Dieser Server pingt <@&{ $role }>, wenn der Stream startet, und du hast diese Rolle nicht.
notify-role-held-on = Du wirst schon gepingt, wenn **{ $name }** live geht: Dieser Server pingt <@&{ $role }>, und du hast diese Rolle.
notify-role-not-held-on = Dieser Server pingt <@&{ $role }>, wenn **{ $name }** live geht. Um gepingt zu werden, nimm dir diese Rolle, wenn der Server dich Rollen wählen lässt (Kanäle & Rollen), oder bitte einen Admin darum.
notify-nobody-pinged-on = Dieser Server pingt niemanden, wenn **{ $name }** live geht: Die Benachrichtigung wird ohne Ping gepostet, es gibt also nichts einzuschalten.
notify-nobody-pinged-off = Dieser Server pingt niemanden, wenn **{ $name }** live geht: Die Benachrichtigung wird ohne Ping gepostet, es gibt also nichts auszuschalten.
