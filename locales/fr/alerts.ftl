# Ce que disent les alertes, dans la langue du serveur.

alert-default-description = **{ $streamer }** est en live sur Twitch ! Début { $started }.
alert-field-game = Jeu
alert-field-viewers = Spectateurs
alert-watch = Regarder le stream
alert-notify-me = Me notifier
alert-ended = ⚫ **{ $streamer }** a été en live pendant { $lasted }.
alert-watch-vod = Regarder la VOD
alert-now-playing = 🎮 Joue maintenant à **{ $game }**
alert-title-changed = ✏️ Le titre du stream a changé
alert-minutes = { $minutes } min
alert-hours = { $hours } h
alert-hours-minutes = { $hours } h { $minutes } min
