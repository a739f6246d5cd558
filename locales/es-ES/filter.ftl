# /filter, y qué rutas de un streamer indica un comando (`streamer:` y
# `channel:`, comunes a los comandos que los tienen).

filter-unknown-category = No he encontrado ninguna categoría de Twitch llamada **{ $game }**. Elige una de la lista mientras escribes.
filter-words-none = Escribe al menos una palabra, p. ej. `{ -opt-words }:repetición`.
filter-words-too-many = Son { $count } palabras; cada regla admite como máximo { $max }.
filter-word-too-long = «{ $word }» tiene más de { $max } caracteres; usa una palabra o frase más corta.
filter-title = Filtros de { $streamer }
filter-none = sin filtros: todos los directos
filter-explained = Se comprueba cuando empieza el directo y otra vez cada vez que cambian el título o el juego: un directo que cambia a un juego deseado se anuncia en ese momento. `/{ -cmd-streamers } { -cmd-streamers-test }` muestra si su directo actual se anunciaría.

## Qué rutas indican `streamer:` y `channel:`.
filter-not-followed = Este servidor no sigue a **{ $streamer }**. `/{ -cmd-streamers } { -cmd-streamers-list }` muestra a quién sigue; `/{ -cmd-streamers } { -cmd-streamers-add }` añade a alguien.
filter-not-in-channel = **{ $streamer }** no tiene alertas en <#{ $channel }>. Sus alertas van a { $places }. Quita `{ -opt-channel }:` para referirte a todas.
filter-place-server = <#{ $channel }> (el canal del servidor)
filter-place-none = el canal del servidor (aún no se ha elegido ninguno: `/{ -cmd-setup } { -opt-channel }:`)
