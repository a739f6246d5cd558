# O que os alertas dizem, no idioma do servidor.

alert-default-description = **{ $streamer }** está ao vivo na Twitch! Começou { $started }.
alert-field-game = Jogo
alert-field-viewers = Espectadores
alert-watch = Assistir à live
alert-notify-me = Me avise
alert-ended = ⚫ **{ $streamer }** ficou ao vivo por { $lasted }.
alert-watch-vod = Assistir ao VOD
alert-now-playing = 🎮 Agora jogando **{ $game }**
alert-title-changed = ✏️ O título da live mudou
alert-minutes = { $minutes } min
alert-hours = { $hours } h
alert-hours-minutes = { $hours } h { $minutes } min
