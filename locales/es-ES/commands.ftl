# The slash commands as Discord shows them: names (terms, so replies can
# name a command as the member sees it: `/{ -cmd-notify } { -cmd-notify-on }`),
# descriptions (at most 100 characters) and choices.
# Names: lowercase, no spaces, at most 32 characters, unique among siblings.

## Command and subcommand names.
-cmd-filter = filtro
-cmd-filter-game = juego
-cmd-filter-title = título
-cmd-filter-clear = borrar
-cmd-notify = notificar
-cmd-notify-on = activar
-cmd-notify-off = desactivar
-cmd-notify-list = lista
-cmd-notify-forget = olvidar
-cmd-setup = configurar
-cmd-streamers = streamers
-cmd-streamers-add = añadir
-cmd-streamers-remove = quitar
-cmd-streamers-list = lista
-cmd-streamers-test = probar
-cmd-streamers-link = enlace
-cmd-template = plantilla
-cmd-template-edit = editar
-cmd-template-preview = vista_previa
-cmd-template-reset = restablecer

## Option names.
-opt-streamer = streamer
-opt-channel = canal
-opt-game = juego
-opt-rule = regla
-opt-words = palabras
-opt-role = rol
-opt-ping = mención
-opt-enabled = activado
-opt-after-stream = tras_directo
-opt-publish = publicar
-opt-cooldown = cooldown
-opt-refresh = actualización
-opt-post-as = publicar_como
-opt-language = idioma
-opt-login = usuario
-opt-team = equipo

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
cmd-filter-desc = Anunciar solo algunos directos de un streamer: por juego o por palabras del título
cmd-filter-game-desc = Anunciar solo un juego, no anunciarlo nunca o quitar esa regla
cmd-filter-title-desc = Exigir o excluir palabras del título del directo (palabras completas, sin distinguir mayúsculas)
cmd-filter-clear-desc = Quitar todos los filtros: anunciar todos los directos de un streamer
cmd-notify-desc = Elegir qué streamers te mencionan cuando empiezan un directo
cmd-notify-on-desc = Recibir una mención cuando este streamer empiece un directo
cmd-notify-off-desc = Dejar de recibir menciones cuando este streamer empiece un directo
cmd-notify-list-desc = Ver qué streamers te mencionan
cmd-notify-forget-desc = Borrar lo que el bot guarda sobre ti en este servidor y quitarte sus roles 🔔
cmd-setup-desc = Elegir dónde se publican los avisos de directo y a quién mencionan
cmd-streamers-desc = Gestionar los streamers de Twitch de los que este servidor recibe avisos de directo
cmd-streamers-add-desc = Seguir a un streamer en un canal (repítelo con otro canal para una segunda ruta)
cmd-streamers-remove-desc = Detener las alertas de un streamer (en un canal o en todos)
cmd-streamers-list-desc = Ver todos los streamers y rutas de alertas de este servidor, y si funcionan bien
cmd-streamers-test-desc = Publicar ahora una notificación de ejemplo (sin mencionar a nadie) para comprobar que todo va bien
cmd-streamers-link-desc = Obtener un enlace para que un streamer conecte su cuenta de Twitch
cmd-template-desc = Personalizar el aspecto de los avisos de directo
cmd-template-edit-desc = Editar la plantilla de notificación (del servidor o de un streamer)
cmd-template-preview-desc = Ver una notificación tal y como se publicará
cmd-template-reset-desc = Volver a la plantilla predeterminada

opt-streamer-desc = El streamer (nombre en Twitch)
opt-route-channel-desc = Solo sus alertas en este canal (por defecto: todas)
opt-filter-game-desc = El juego o la categoría, tal como lo llama Twitch
opt-filter-game-rule-desc = Qué hacer con él
opt-filter-words-desc = Palabras o frases separadas por comas (p. ej., «rerun, resubida»)
opt-filter-title-rule-desc = Qué hacer con ellas
opt-setup-channel-desc = Canal de los avisos de directo (obligatorio la primera vez; luego, solo para cambiarlo)
opt-setup-role-desc = Rol que se menciona cuando un streamer empieza un directo
opt-setup-ping-desc = A quién se menciona (por defecto: al rol si eliges uno; si no, a nadie)
opt-setup-enabled-desc = Activar o desactivar los avisos de directo en este servidor
opt-setup-after-stream-desc = Qué pasa con el mensaje cuando termina el directo (por defecto: se edita)
opt-setup-publish-desc = En canales de anuncios, publicar los avisos en los servidores seguidores (por defecto: sí)
opt-setup-cooldown-desc = Minutos en que un directo que se corta y vuelve reutiliza su mensaje (por defecto 10; 0 = no)
opt-setup-refresh-desc = Minutos entre actualizaciones de la vista previa y los espectadores (por defecto 10; 0 = no)
opt-setup-post-as-desc = Publicar como el bot o como el streamer (su nombre y avatar, mediante un webhook del canal)
opt-setup-language-desc = El idioma de las alertas y de la plantilla predeterminada (por defecto: el del servidor)
opt-add-login-desc = Su usuario de Twitch, como en twitch.tv/<usuario> (escribe para buscar; varios: espacios o comas)
opt-add-channel-desc = Publicar sus alertas aquí (por defecto: el canal de /configurar). Otro canal añade otra ruta
opt-add-ping-desc = A quién menciona esta ruta (por defecto: lo que diga /configurar)
opt-add-role-desc = El rol que menciona esta ruta
opt-add-enabled-desc = Activar o desactivar esta ruta
opt-add-team-desc = Un equipo de Twitch (twitch.tv/team/<nombre>): seguir a todos sus miembros y sus altas y bajas
opt-remove-team-desc = Un equipo de Twitch seguido: dejar de seguirlo a él y a los miembros que añadió
opt-test-channel-desc = Solo su ruta en este canal (por defecto: cada una de sus rutas)
opt-template-streamer-desc = Solo para este streamer (déjalo vacío para todo el servidor)
opt-template-channel-desc = Con streamer: solo sus alertas en este canal
opt-preview-streamer-desc = Vista previa de la notificación de este streamer (por defecto: la plantilla del servidor)

## Choices (at most 100 characters).
choice-filter-game-only = Anunciar solo directos de este juego
choice-filter-game-skip = No anunciar nunca directos de este juego
choice-filter-game-remove = Quitar la regla de este juego
choice-filter-title-has = Anunciar solo títulos con alguna de ellas
choice-filter-title-skip = No anunciar nunca títulos con alguna de ellas
choice-filter-title-remove = Quitar las reglas de estas palabras
choice-ping-server = Lo que diga /configurar en el servidor
choice-ping-none = Nadie
choice-ping-role = El rol que yo elija
choice-ping-streamer-role = Los miembros que se apuntan, streamer a streamer, con /notificar
choice-after-stream-edit = Editarlo para indicar cuánto duró el directo
choice-after-stream-delete = Borrarlo
choice-after-stream-keep = Dejarlo tal cual
choice-post-as-bot = El bot (StreamMaxing)
choice-post-as-streamer = El streamer (su nombre y avatar, mediante un webhook que crearé)
choice-language-server = El idioma del servidor (según Discord)
