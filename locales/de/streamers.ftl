# /streamers add|remove|list|test|link, mehrere auf einmal hinzufügen, Teams
# und die Autovervollständigung von login:.

## /streamers add

streamers-no-twitch = Dieses StreamMaxing kann Twitch noch nicht erreichen: Der Betreiber muss TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET und TWITCH_EVENTSUB_SECRET setzen.
streamers-role-missing = Um auf dieser Route eine Rolle zu pingen, wähle sie mit `{ -opt-role }:` aus, z. B. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:shroud { -opt-role }:@Live`.
streamers-login-or-team = Nenne Streamer (`{ -opt-login }:`) oder ein Team (`{ -opt-team }:`), aber nicht beides auf einmal.
streamers-name-someone = Nenne einen Streamer mit `{ -opt-login }:` (tippen, um Twitch zu durchsuchen; mehrere durch Kommas getrennt) oder ein Twitch-Team mit `{ -opt-team }:`.
streamers-name-login = Nenne einen Streamer mit `{ -opt-login }:`: den Namen aus seiner Kanaladresse, twitch.tv/**name**.
streamers-too-many = Das sind { $count } Namen; ich kann höchstens { $max } auf einmal hinzufügen. Teile die Liste in zwei Hälften.
streamers-not-found = Ich konnte keinen Twitch-Account namens **{ $login }** finden. Prüfe die Schreibweise: Es ist der Name in twitch.tv/**name**.
streamers-route-vanished = Diese Route wurde entfernt, während ich sie hinzugefügt habe. Führe den Befehl bitte noch einmal aus.
streamers-title-following = Folge jetzt { $name }
streamers-title-another-channel = Weiterer Kanal für { $name } hinzugefügt
streamers-title-already = Folge { $name } bereits
streamers-title-updated = Benachrichtigungen für { $name } aktualisiert
streamers-title-moved = Benachrichtigungen für { $name } verschoben
streamers-live-now = 🔴 Gerade live: Ich habe den aktuellen Stream gepostet, ohne Ping.
streamers-moved-note = Die Route, die im gelöschten Kanal <#{ $channel }> gepostet hat, postet jetzt hier, mit ihrem Ping, ihrer Vorlage und ihren Filtern.
streamers-other-routes = { $count ->
    [one] Es gibt hier { $count } weitere Benachrichtigungsroute: `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt alle.
   *[other] Es gibt hier { $count } weitere Benachrichtigungsrouten: `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt alle.
}
streamers-field-posts-in = Postet in
streamers-field-pings = Pingt
streamers-field-filters = Filter
streamers-field-status = Status
streamers-no-filters = keine: jeder Stream (`/{ -cmd-filter }` fügt welche hinzu)
streamers-paused-status = ⏸️ pausiert (`{ -opt-enabled }:True` setzt sie fort)
streamers-budget-full = ⚠️ Ich kann **{ $name }** noch nicht folgen: Das Live-Benachrichtigungsbudget von Twitch für dieses StreamMaxing ist voll. { $how }
streamers-budget-full-numbers = ⚠️ Ich kann **{ $name }** noch nicht folgen: Das Live-Benachrichtigungsbudget von Twitch für dieses StreamMaxing ist voll ({ $used } von { $max } belegt; dafür werden { $needed } mehr gebraucht). { $how }
streamers-how-to-free-room = Streamer, die ihren Twitch-Account verknüpfen, zählen nicht mit: Führe `/{ -cmd-streamers } { -cmd-streamers-link }` aus und schick ihnen die Link-Seite. Auch das Entfernen von Streamern, die niemand mehr braucht (`/{ -cmd-streamers } { -cmd-streamers-remove }`), schafft Platz.
streamers-alerts-active = ✅ Twitch sagt mir Bescheid, sobald der Stream startet.
streamers-alerts-wait = ⚠️ Das Abo-Budget von Twitch für dieses StreamMaxing ist voll, daher warten die Benachrichtigungen auf freien Platz. { $how }
streamers-alerts-retrying = ⚠️ Twitch hat das Live-Abo noch nicht angenommen ({ $why }). Ich versuche es jede Minute erneut.
streamers-pings-opted-in = Mitglieder, die sich angemeldet haben (`/{ -cmd-notify } { -cmd-notify-on }`)
streamers-pings-role-unset = niemanden (die Rolle ist nicht gesetzt: `/{ -cmd-setup } { -opt-role }:`)
streamers-pings-nobody = niemanden

## /streamers add mit mehreren Namen oder einem Team

streamers-did-you-mean = { $login } (meintest du **{ $guess }**?)
streamers-many-title = { $added } von { $total } Streamern hinzugefügt
streamers-team-not-found = Ich konnte kein Twitch-Team namens **{ $name }** finden. Es ist der Name in seiner Adresse: twitch.tv/team/**name**.
streamers-team-empty = Das Team **{ $name }** hat noch keine Mitglieder, also gibt es niemanden zum Folgen.
streamers-team-roster-note = Ich prüfe die Mitgliederliste des Teams alle { $hours } Stunden: Neuen Mitgliedern wird gefolgt, ausgetretenen nicht mehr (außer du hast sie mit Namen hinzugefügt). `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt die letzten Änderungen.
streamers-team-title = Folge jetzt dem Team { $name }
streamers-many-live = { $count ->
    [one] 🔴 { $count } davon ist gerade live: Ich habe den aktuellen Stream gepostet, ohne Ping.
   *[other] 🔴 { $count } davon sind gerade live: Ich habe ihre aktuellen Streams gepostet, ohne Ping.
}
streamers-group-added = ✅ Hinzugefügt
streamers-group-already = Bereits gefolgt
streamers-group-not-found = ❓ Nicht auf Twitch gefunden
streamers-group-invalid = ⚠️ Keine Twitch-Namen
streamers-group-no-room = ⛔ Kein Platz im Abo-Budget von Twitch
streamers-group-waiting = ⏳ Gefolgt, aber die Live-Benachrichtigungen von Twitch warten

## /streamers remove

streamers-remove-whom = Nenne einen Streamer (`{ -opt-streamer }:`) oder ein gefolgtes Team (`{ -opt-team }:`), das entfernt werden soll.
streamers-unfollowed = Ich folge **{ $name }** nicht mehr. Hier gibt es keine Benachrichtigungen mehr zu diesem Kanal.
streamers-unfollowed-role-deleted = Ich folge **{ $name }** nicht mehr. Hier gibt es keine Benachrichtigungen mehr zu diesem Kanal. Die 🔔-Rolle, die ich dafür erstellt habe, ist gelöscht.
streamers-stopped-routes = Benachrichtigungen für **{ $name }** in { $places } beendet. Die übrigen Benachrichtigungen hier laufen weiter (`/{ -cmd-streamers } { -cmd-streamers-list }`).
streamers-team-not-followed = Dieser Server folgt keinem Team namens **{ $name }**. `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt die Teams, denen er folgt.
streamers-team-stopped-none = Ich folge dem Team **{ $team }** nicht mehr. Von den Streamern, die es hinzugefügt hat, war keiner mehr übrig.
streamers-team-stopped = { $count ->
    [one] Ich folge dem Team **{ $team }** nicht mehr. Keine Benachrichtigungen mehr für den { $count } Streamer, den es hinzugefügt hat: { $names }. Streamer, die du mit Namen hinzugefügt hast, bleiben.
   *[other] Ich folge dem Team **{ $team }** nicht mehr. Keine Benachrichtigungen mehr für die { $count } Streamer, die es hinzugefügt hat: { $names }. Streamer, die du mit Namen hinzugefügt hast, bleiben.
}

## /streamers list

streamers-list-no-channel = ⚠️ Noch kein Server-Kanal gewählt: Führe `/{ -cmd-setup } { -opt-channel }:#dein-kanal` aus.
streamers-list-paused = ⏸️ Benachrichtigungen sind auf diesem Server pausiert (`/{ -cmd-setup } { -opt-enabled }:True`).
streamers-list-empty = Dieser Server folgt noch niemandem. Füge einen Streamer mit `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<Twitch-Name>` hinzu.
streamers-list-title = { $streamers ->
    [one] { $streamers } Streamer
   *[other] { $streamers } Streamer
} · { $routes ->
    [one] { $routes } Benachrichtigungsroute
   *[other] { $routes } Benachrichtigungsrouten
}
streamers-list-title-attention = { $streamers ->
    [one] { $streamers } Streamer
   *[other] { $streamers } Streamer
} · { $routes ->
    [one] { $routes } Benachrichtigungsroute
   *[other] { $routes } Benachrichtigungsrouten
} · { $attention ->
    [one] ⚠️ { $attention } braucht Aufmerksamkeit
   *[other] ⚠️ { $attention } brauchen Aufmerksamkeit
}
streamers-list-page = Seite { $page } von { $count }
streamers-list-previous = ◀ Zurück
streamers-list-next = Weiter ▶
streamers-team-line = { $count ->
    [one] 👥 Team **{ $name }** (`{ $slug }`): { $count } Mitglied darüber gefolgt, Mitgliederliste geprüft <t:{ $checked }:R>
   *[other] 👥 Team **{ $name }** (`{ $slug }`): { $count } Mitglieder darüber gefolgt, Mitgliederliste geprüft <t:{ $checked }:R>
}
streamers-team-latest-change = letzte Änderung <t:{ $at }:R>: { $change }
streamers-team-joined = beigetreten: { $names }
streamers-team-left = ausgetreten: { $names }
streamers-team-gone = das Team gibt es auf Twitch nicht mehr; seinen Streamern wird weiter gefolgt
streamers-live-game = 🔴 live: { $game }
streamers-live = 🔴 gerade live
streamers-offline = ⚫ offline
streamers-linked = ✔️ verknüpft
streamers-health-user-removed = ⚠️ Dieser Twitch-Account wurde gelöscht oder gesperrt: Entferne ihn mit `/{ -cmd-streamers } { -cmd-streamers-remove }`
streamers-health-active = ✅ Benachrichtigungen aktiv
streamers-health-confirming = ⏳ Benachrichtigungen werden von Twitch bestätigt
streamers-health-waiting = ⚠️ Benachrichtigungen warten auf Platz im Abo-Budget von Twitch: Streamer, die ihren Account verknüpfen (`/{ -cmd-streamers } { -cmd-streamers-link }`), zählen nicht mit, und `/{ -cmd-streamers } { -cmd-streamers-remove }` schafft Platz
streamers-health-retrying = ⚠️ Benachrichtigungen noch nicht aktiv: Ich versuche es jede Minute erneut (der Betreiber kann `streammaxing eventsub sync` ausführen)
streamers-route-line = → { $place } · pingt { $whom }
streamers-route-own-template = eigene Vorlage
streamers-route-paused = ⏸️ pausiert
streamers-route-last-posted = zuletzt gepostet <t:{ $at }:R>
streamers-route-never-posted = noch nie gepostet
streamers-route-not-posting = ⚠️ **Postet nicht** ({ $code }): { $detail }

## /streamers test

streamers-test-more = { $count ->
    [one] …und { $count } weitere Route: Teste sie mit `{ -opt-channel }:`.
   *[other] …und { $count } weitere Routen: Teste sie einzeln mit `{ -opt-channel }:`.
}
streamers-test-no-channel = Es gibt noch keinen Kanal zum Posten. Wähle einen mit `/{ -cmd-setup } { -opt-channel }:#dein-kanal`.
# Steht über der Beispielbenachrichtigung im Kanal (Sprache des Servers).
streamers-test-header = 🧪 **Testbenachrichtigung** (niemand wurde gepingt)
streamers-test-posted = ✅ Testbenachrichtigung für **{ $name }** in { $channel } gepostet: { $link }. Niemand wurde gepingt.
streamers-test-resumed = Diese Route war nach einem früheren Fehler gestoppt; sie läuft wieder.
streamers-filters-none = Keine Filter auf dieser Route: Jeder Stream wird angekündigt.
streamers-filters-pass-live = 🟢 Filter: Der aktuelle Stream würde angekündigt.
streamers-filters-pass-offline = 🟢 Filter: Ein Stream mit dem aktuellen Titel und der aktuellen Kategorie würde angekündigt.
streamers-filters-block-live = 🟡 Filter: Der aktuelle Stream würde **nicht** angekündigt: { $why }.
streamers-filters-block-offline = 🟡 Filter: Ein Stream mit dem aktuellen Titel und der aktuellen Kategorie würde **nicht** angekündigt: { $why }.
streamers-post-not-allowed = ❌ Ich kann nicht in { $channel } posten: Mir fehlen dort Berechtigungen. Gib der StreamMaxing-Rolle in den Einstellungen dieses Kanals **Kanal ansehen**, **Nachrichten senden** und **Links einbetten** und versuche es dann erneut.
streamers-post-unknown-channel = ❌ Den Kanal { $channel } gibt es nicht mehr. Wähle einen neuen mit `/{ -cmd-setup } { -opt-channel }:` (oder `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-channel }:` für den eigenen Kanal dieses Streamers).
streamers-post-refused = ❌ Discord hat die Nachricht abgelehnt (Fehler { $code }). Prüfe die Vorlage mit `/{ -cmd-template } { -cmd-template-preview }`.

## /streamers link

streamers-link-unavailable = Die Link-Seite ist auf diesem StreamMaxing nicht verfügbar: Der Betreiber muss APP_SECRET setzen.
streamers-link-button = Link-Seite öffnen
streamers-link-text = Schick diesen Link an den Streamer. Dort verknüpft er seinen Twitch-Account: Dieser Server folgt ihm dann, er wird als verifiziert angezeigt, und seine Benachrichtigungen zählen nicht mehr gegen das Abo-Limit von Twitch. Der Link funktioniert einmal und läuft <t:{ $expires }:R> ab.

## Autovervollständigung von login:

streamers-choice-live = 🔴 { $name } · live
streamers-choice-followed = hier gefolgt
streamers-not-a-login = „{ $typed }“ ist kein Twitch-Name. Nimm den Namen aus der Kanaladresse: twitch.tv/**name** (Buchstaben, Ziffern und Unterstriche, höchstens 25).
