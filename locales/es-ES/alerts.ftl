# Lo que dicen las alertas, en el idioma del servidor.

alert-default-description = ¡**{ $streamer }** está en directo en Twitch! Empezó { $started }.
alert-field-game = Juego
alert-field-viewers = Espectadores
alert-watch = Ver directo
alert-notify-me = Avísame
alert-ended = ⚫ **{ $streamer }** estuvo en directo { $lasted }.
alert-watch-vod = Ver el VOD
alert-now-playing = 🎮 Ahora juega a **{ $game }**
alert-title-changed = ✏️ El título del directo ha cambiado
alert-minutes = { $minutes } min
alert-hours = { $hours } h
alert-hours-minutes = { $hours } h { $minutes } min
