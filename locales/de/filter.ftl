# /filter, und welche Benachrichtigungsrouten eines Streamers ein Befehl
# meint (`streamer:` und `channel:`, für alle Befehle, die sie haben).

filter-unknown-category = Ich konnte keine Twitch-Kategorie namens **{ $game }** finden. Wähle beim Tippen eine aus der Liste.
filter-words-none = Gib mindestens ein Wort ein, z. B. `{ -opt-words }:rerun`.
filter-words-too-many = Das sind { $count } Wörter; pro Regel sind höchstens { $max } möglich.
filter-word-too-long = „{ $word }“ ist länger als { $max } Zeichen. Nimm ein kürzeres Wort oder eine kürzere Wortgruppe.
filter-title = Filter für { $streamer }
filter-none = keine Filter: jeder Stream
filter-explained = Geprüft, wenn der Stream startet, und jedes Mal, wenn sich Titel oder Spiel ändern: Ein Stream, der zu einem gewünschten Spiel wechselt, wird beim Wechsel angekündigt. `/{ -cmd-streamers } { -cmd-streamers-test }` zeigt, ob der aktuelle Stream angekündigt würde.

## Welche Routen `streamer:` und `channel:` meinen.
filter-not-followed = Dieser Server folgt **{ $streamer }** nicht. `/{ -cmd-streamers } { -cmd-streamers-list }` zeigt, wem er folgt; mit `/{ -cmd-streamers } { -cmd-streamers-add }` fügst du jemanden hinzu.
filter-not-in-channel = **{ $streamer }** hat keine Benachrichtigungen in <#{ $channel }>. Die Benachrichtigungen gehen nach { $places }. Lass `{ -opt-channel }:` weg, um alle zu meinen.
filter-place-server = <#{ $channel }> (der Kanal des Servers)
filter-place-none = der Kanal des Servers (noch keiner gewählt: `/{ -cmd-setup } { -opt-channel }:`)
