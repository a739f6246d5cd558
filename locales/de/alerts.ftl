# Was Benachrichtigungen in der Sprache des Servers sagen.

alert-default-description = **{ $streamer }** ist live auf Twitch! Gestartet { $started }.
alert-field-game = Spiel
alert-field-viewers = Zuschauer
alert-watch = Stream ansehen
alert-notify-me = Benachrichtige mich
alert-ended = ⚫ **{ $streamer }** war { $lasted } live.
alert-watch-vod = VOD ansehen
alert-now-playing = 🎮 Spielt jetzt **{ $game }**
alert-title-changed = ✏️ Der Titel des Streams hat sich geändert
alert-minutes = { $minutes } Min.
alert-hours = { $hours } Std.
alert-hours-minutes = { $hours } Std. { $minutes } Min.
