# /setup: die Standardeinstellungen des Servers, die Prüfung, ob der Bot
# posten kann, und die Namen der Discord-Berechtigungen, wie Discord sie nennt.

setup-choose-channel-first = Wähle zuerst, wohin Live-Benachrichtigungen gehen: `/{ -cmd-setup } { -opt-channel }:#dein-kanal`. Danach ändert `/{ -cmd-setup }` nur die Optionen, die du angibst.
setup-role-needed = Um eine Rolle zu pingen, wähle sie mit der Option `{ -opt-role }:` aus, z. B. `/{ -cmd-setup } { -opt-role }:@Live`.

## Was Benachrichtigungen verhindern würde, jeweils mit der Lösung.
setup-check-failed = Ich konnte meine Berechtigungen in <#{ $channel }> gerade nicht prüfen. Führe `/{ -cmd-streamers } { -cmd-streamers-test }` aus, um zu prüfen, ob ich dort posten kann.
setup-check-slow = Discord hat zu lange gebraucht, um mir meine Berechtigungen in <#{ $channel }> mitzuteilen. Führe `/{ -cmd-streamers } { -cmd-streamers-test }` aus, um zu prüfen, ob ich dort posten kann.
setup-missing-permissions = { $count ->
    [one] Mir fehlt in <#{ $channel }> die Berechtigung { $permissions }. Öffne die Kanaleinstellungen → Berechtigungen, füge die Rolle StreamMaxing hinzu und erlaube sie.
   *[other] Mir fehlen in <#{ $channel }> die Berechtigungen { $permissions }. Öffne die Kanaleinstellungen → Berechtigungen, füge die Rolle StreamMaxing hinzu und erlaube sie.
}
setup-role-unmentionable = <@&{ $role }> kann nicht erwähnt werden, der Ping würde also niemanden erreichen. Aktiviere unter Servereinstellungen → Rollen → { $name } die Option **Erlaube jedem, diese Rolle zu @erwähnen** (oder gib mir in <#{ $channel }> die Berechtigung **{ setup-perm-mention-everyone }**).
setup-opt-in-needs-manage-roles = Opt-in-Pings brauchen pro Streamer eine Rolle, die ich erstelle und vergebe. Dafür brauche ich **{ setup-perm-manage-roles }** (Servereinstellungen → Rollen → StreamMaxing).
setup-opt-in-needs-mention-all = Mitglieder können Opt-in-Rollen nicht @erwähnen (damit niemand alle Eingetragenen auf einmal anpingen kann). Ich pinge sie selbst und brauche dafür in <#{ $channel }> die Berechtigung **{ setup-perm-mention-everyone }**. Ohne sie wird die Benachrichtigung gepostet, pingt aber niemanden.
setup-webhooks-needed = Als Streamer posten läuft über einen Webhook, den ich in <#{ $channel }> erstelle. Dafür brauche ich dort **{ setup-perm-manage-webhooks }**. Bis ich die Berechtigung habe, werden Benachrichtigungen als StreamMaxing gepostet.
setup-history-needed = Wenn Discord die Antwort auf einen Post verliert, lese ich die letzten Nachrichten in <#{ $channel }>, um sicherzugehen, dass die Benachrichtigung nicht schon da ist, bevor ich sie erneut poste. Dafür brauche ich **{ setup-perm-read-message-history }**. Ohne diese Berechtigung kann eine verlorene Antwort zu einer doppelten Benachrichtigung führen.
setup-manage-messages-needed = Um eine Benachrichtigung, die der Webhook des Streamers in <#{ $channel }> gepostet hat, für folgende Server zu veröffentlichen, brauche ich dort **{ setup-perm-manage-messages }** (es ist nicht meine eigene Nachricht). Ohne diese Berechtigung werden Benachrichtigungen gepostet, aber nicht veröffentlicht.

## Die Namen der Discord-Berechtigungen, wie die Einstellungen sie zeigen.
setup-perm-view-channel = Kanal ansehen
setup-perm-send-messages = Nachrichten senden
setup-perm-embed-links = Links einbetten
setup-perm-manage-roles = Rollen verwalten
setup-perm-mention-everyone = Erwähne @everyone, @here und alle Rollen
setup-perm-manage-messages = Nachrichten verwalten
setup-perm-manage-webhooks = WebHooks verwalten
setup-perm-read-message-history = Nachrichtenverlauf anzeigen
setup-list-separator = {", "}
setup-list-last = { $init } und { $last }

## Die Übersicht der gespeicherten Einstellungen.
setup-title-ok = ✅ Live-Benachrichtigungen sind eingerichtet
setup-title-paused = ⏸️ Gespeichert: Live-Benachrichtigungen sind pausiert
setup-title-problems = ⚠️ Gespeichert, aber etwas muss noch behoben werden
setup-field-channel = Kanal
setup-field-pings = Pings
setup-field-after-stream = Wenn ein Stream endet
setup-field-publish = In Ankündigungskanälen veröffentlichen
setup-field-drops = Stream-Abbrüche
setup-field-while-live = Während des Streams
setup-field-posted-as = Gepostet als
setup-field-language = Sprache
setup-field-status = Status
setup-channel-none = keiner
setup-pings-opt-in = Mitglieder, die sich mit `/{ -cmd-notify } { -cmd-notify-on }` eingetragen haben
setup-pings-nobody = niemand
setup-after-edit = die Nachricht wird bearbeitet und nennt die Dauer des Streams
setup-after-delete = die Nachricht wird gelöscht
setup-after-keep = die Nachricht bleibt, wie sie ist
setup-publish-yes = ja
setup-publish-no = nein
setup-cooldown-off = aus: Jeder Stream-Start postet eine neue Nachricht
setup-cooldown = Ein Stream, der innerhalb von { $minutes } Min. zurückkommt, nutzt seine bisherige Nachricht
setup-refresh-off = aus: Eine Live-Nachricht ändert sich nur mit Titel oder Spiel
setup-refresh = neues Vorschaubild und Zuschauerzahl alle { $minutes } Min.
setup-posted-as-streamer = der Streamer (Name und Avatar)
setup-language-server = wie der Server ({ $language })
setup-status-on = an
setup-status-paused = pausiert (`/{ -cmd-setup } { -opt-enabled }:True` zum Fortsetzen)
setup-defaults-explained = Das sind die Standardeinstellungen des Servers: Die Benachrichtigungen jedes Streamers nutzen sie, sofern er keine eigenen hat (`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:… { -opt-channel }:… { -opt-role }:…`). Als Nächstes: `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<Twitch-Name>`, dann `/{ -cmd-streamers } { -cmd-streamers-test }`.
