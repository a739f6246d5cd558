# The slash commands as Discord shows them: names (terms, so replies can
# name a command as the member sees it: `/{ -cmd-notify } { -cmd-notify-on }`),
# descriptions (at most 100 characters) and choices.
# Names: lowercase, no spaces, at most 32 characters, unique among siblings.

## Command and subcommand names.
-cmd-filter = filter
-cmd-filter-game = spiel
-cmd-filter-title = titel
-cmd-filter-clear = löschen
-cmd-notify = benachrichtigen
-cmd-notify-on = an
-cmd-notify-off = aus
-cmd-notify-list = liste
-cmd-notify-forget = vergessen
-cmd-setup = einrichten
-cmd-streamers = streamer
-cmd-streamers-add = hinzufügen
-cmd-streamers-remove = entfernen
-cmd-streamers-list = liste
-cmd-streamers-test = test
-cmd-streamers-link = verknüpfen
-cmd-template = vorlage
-cmd-template-edit = bearbeiten
-cmd-template-preview = vorschau
-cmd-template-reset = zurücksetzen

## Option names.
-opt-streamer = streamer
-opt-channel = kanal
-opt-game = spiel
-opt-rule = regel
-opt-words = wörter
-opt-role = rolle
-opt-ping = ping
-opt-enabled = aktiv
-opt-after-stream = nach_stream
-opt-publish = veröffentlichen
-opt-cooldown = cooldown
-opt-refresh = aktualisierung
-opt-post-as = posten_als
-opt-language = sprache
-opt-login = name
-opt-team = team

cmd-filter-name = { -cmd-filter }
cmd-filter-game-name = { -cmd-filter-game }
cmd-filter-title-name = { -cmd-filter-title }
cmd-filter-clear-name = { -cmd-filter-clear }
cmd-notify-name = { -cmd-notify }
cmd-notify-on-name = { -cmd-notify-on }
cmd-notify-off-name = { -cmd-notify-off }
cmd-notify-list-name = { -cmd-notify-list }
cmd-notify-forget-name = { -cmd-notify-forget }
cmd-setup-name = { -cmd-setup }
cmd-streamers-name = { -cmd-streamers }
cmd-streamers-add-name = { -cmd-streamers-add }
cmd-streamers-remove-name = { -cmd-streamers-remove }
cmd-streamers-list-name = { -cmd-streamers-list }
cmd-streamers-test-name = { -cmd-streamers-test }
cmd-streamers-link-name = { -cmd-streamers-link }
cmd-template-name = { -cmd-template }
cmd-template-edit-name = { -cmd-template-edit }
cmd-template-preview-name = { -cmd-template-preview }
cmd-template-reset-name = { -cmd-template-reset }

opt-streamer-name = { -opt-streamer }
opt-channel-name = { -opt-channel }
opt-game-name = { -opt-game }
opt-rule-name = { -opt-rule }
opt-words-name = { -opt-words }
opt-role-name = { -opt-role }
opt-ping-name = { -opt-ping }
opt-enabled-name = { -opt-enabled }
opt-after-stream-name = { -opt-after-stream }
opt-publish-name = { -opt-publish }
opt-cooldown-name = { -opt-cooldown }
opt-refresh-name = { -opt-refresh }
opt-post-as-name = { -opt-post-as }
opt-language-name = { -opt-language }
opt-login-name = { -opt-login }
opt-team-name = { -opt-team }

## Descriptions.
cmd-filter-desc = Nur manche Streams eines Streamers ankündigen: nach Spiel oder nach Wörtern im Titel
cmd-filter-game-desc = Streams mit einem Spiel nur oder nie ankündigen, oder die Regel dafür entfernen
cmd-filter-title-desc = Wörter im Streamtitel verlangen oder ausschließen (ganze Wörter, Groß-/Kleinschreibung egal)
cmd-filter-clear-desc = Alle Filter entfernen: jeden Stream eines Streamers ankündigen
cmd-notify-desc = Auswählen, bei welchen Streamern du gepingt wirst, wenn sie live gehen
cmd-notify-on-desc = Gepingt werden, wenn dieser Streamer live geht
cmd-notify-off-desc = Nicht mehr gepingt werden, wenn dieser Streamer live geht
cmd-notify-list-desc = Anzeigen, welche Streamer dich pingen
cmd-notify-forget-desc = Löschen, was der Bot auf diesem Server über dich speichert, und dir seine 🔔-Rollen abnehmen
cmd-setup-desc = Festlegen, wo Live-Benachrichtigungen gepostet werden und wen sie pingen
cmd-streamers-desc = Die Twitch-Streamer verwalten, für die dieser Server Live-Benachrichtigungen bekommt
cmd-streamers-add-desc = Einem Streamer in einem Kanal folgen (nochmal mit anderem Kanal für eine zweite Route)
cmd-streamers-remove-desc = Benachrichtigungen für einen Streamer beenden (in einem Kanal oder überall)
cmd-streamers-list-desc = Alle Streamer und Benachrichtigungsrouten dieses Servers anzeigen, mit ihrem Status
cmd-streamers-test-desc = Jetzt eine Beispiel-Benachrichtigung posten (pingt niemanden), um alles zu prüfen
cmd-streamers-link-desc = Einen Link holen, mit dem ein Streamer sein Twitch-Konto verbinden kann
cmd-template-desc = Anpassen, wie Live-Benachrichtigungen aussehen
cmd-template-edit-desc = Die Benachrichtigungsvorlage bearbeiten (für den Server oder einen Streamer)
cmd-template-preview-desc = Eine Benachrichtigung genau so anzeigen, wie sie gepostet wird
cmd-template-reset-desc = Zur Standardvorlage zurückkehren

opt-streamer-desc = Der Streamer (Twitch-Name)
opt-route-channel-desc = Nur die Benachrichtigungen in diesem Kanal (Standard: alle)
opt-filter-game-desc = Das Spiel oder die Kategorie, wie Twitch sie nennt
opt-filter-game-rule-desc = Was damit passieren soll
opt-filter-words-desc = Wörter oder Wortgruppen, durch Kommas getrennt (z. B. „rerun, reupload“)
opt-filter-title-rule-desc = Was damit passieren soll
opt-setup-channel-desc = Kanal für Live-Benachrichtigungen (beim ersten Mal nötig, danach nur zum Ändern)
opt-setup-role-desc = Rolle, die gepingt wird, wenn ein Streamer live geht
opt-setup-ping-desc = Wer gepingt wird (Standard: die Rolle, falls du eine wählst, sonst niemand)
opt-setup-enabled-desc = Live-Benachrichtigungen für diesen Server ein- oder ausschalten
opt-setup-after-stream-desc = Was mit der Nachricht passiert, wenn der Stream endet (Standard: bearbeiten)
opt-setup-publish-desc = In Ankündigungskanälen an folgende Server veröffentlichen (Standard: an)
opt-setup-cooldown-desc = Minuten, in denen ein abgebrochener Stream seine Nachricht weiternutzt (Standard 10, 0 = aus)
opt-setup-refresh-desc = Minuten zwischen Updates von Vorschau und Zuschauerzahl einer Live-Nachricht (Standard 10, 0 = aus)
opt-setup-post-as-desc = Als Bot posten oder als Streamer (mit Name und Avatar, über einen Kanal-Webhook)
opt-setup-language-desc = Sprache der Benachrichtigungen und der Standardvorlage (Standard: Sprache des Servers)
opt-add-login-desc = Twitch-Name wie in twitch.tv/<name> (tippen zum Suchen; mehrere mit Leerzeichen oder Komma trennen)
opt-add-channel-desc = Hier posten (Standard: Kanal aus /einrichten). Ein anderer Kanal ergibt eine weitere Route
opt-add-ping-desc = Wen diese Route pingt (Standard: wie in /einrichten festgelegt)
opt-add-role-desc = Die Rolle, die diese Route pingt
opt-add-enabled-desc = Diese Route ein- oder ausschalten
opt-add-team-desc = Ein Twitch-Team (wie in twitch.tv/team/<name>): allen Mitgliedern folgen, auch künftigen
opt-remove-team-desc = Ein gefolgtes Twitch-Team: ihm und den dadurch hinzugefügten Mitgliedern nicht mehr folgen
opt-test-channel-desc = Nur die Route in diesem Kanal (Standard: jede Route des Streamers)
opt-template-streamer-desc = Nur für diesen Streamer (leer lassen für den ganzen Server)
opt-template-channel-desc = Mit streamer: nur die Benachrichtigungen in diesem Kanal
opt-preview-streamer-desc = Vorschau der Benachrichtigung dieses Streamers (Standard: Vorlage des Servers)

## Choices (at most 100 characters).
choice-filter-game-only = Nur Streams in diesem Spiel ankündigen
choice-filter-game-skip = Streams in diesem Spiel nie ankündigen
choice-filter-game-remove = Regel für dieses Spiel entfernen
choice-filter-title-has = Nur Titel ankündigen, die eines davon enthalten
choice-filter-title-skip = Titel nie ankündigen, die eines davon enthalten
choice-filter-title-remove = Regeln für diese Wörter entfernen
choice-ping-server = Wie in /einrichten für den Server festgelegt
choice-ping-none = Niemand
choice-ping-role = Die Rolle, die ich wähle
choice-ping-streamer-role = Mitglieder, die sich mit /benachrichtigen für einzelne Streamer anmelden
choice-after-stream-edit = Bearbeiten, sodass sie zeigt, wie lange der Stream lief
choice-after-stream-delete = Löschen
choice-after-stream-keep = Unverändert lassen
choice-post-as-bot = Der Bot (StreamMaxing)
choice-post-as-streamer = Der Streamer (mit Name und Avatar, über einen Webhook, den ich erstelle)
choice-language-server = Die Sprache des Servers (laut Discord)
