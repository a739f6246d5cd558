# What alerts say in the server's language: the default template's fixed
# words and the changes the bot makes to a posted alert.
# `{ $streamer }` and `{ $started }` receive template variables.

alert-default-description = **{ $streamer }** is live on Twitch! Started { $started }.
alert-field-game = Game
alert-field-viewers = Viewers
alert-watch = Watch stream
alert-notify-me = Notify me
alert-ended = ⚫ **{ $streamer }** was live for { $lasted }.
alert-watch-vod = Watch the VOD
alert-now-playing = 🎮 Now playing **{ $game }**
alert-title-changed = ✏️ The stream's title changed
alert-minutes = { $minutes } min
alert-hours = { $hours } h
alert-hours-minutes = { $hours } h { $minutes } min
