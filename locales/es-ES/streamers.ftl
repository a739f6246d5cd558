# /streamers add|remove|list|test|link, añadir varios a la vez, equipos y el
# autocompletado de login:.

## /streamers add

streamers-no-twitch = Este StreamMaxing todavía no puede conectarse con Twitch: su operador tiene que configurar TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET y TWITCH_EVENTSUB_SECRET.
streamers-role-missing = Para mencionar un rol en esta ruta, elígelo con `{ -opt-role }:`, p. ej. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:shroud { -opt-role }:@Live`.
streamers-login-or-team = Indica streamers (`{ -opt-login }:`) o un equipo (`{ -opt-team }:`), pero no ambos a la vez.
streamers-name-someone = Indica un streamer con `{ -opt-login }:` (escribe para buscar en Twitch; varios separados por comas) o un equipo de Twitch con `{ -opt-team }:`.
streamers-name-login = Indica un streamer con `{ -opt-login }:`: el nombre de la dirección de su canal, twitch.tv/**nombre**.
streamers-too-many = Son { $count } nombres; puedo añadir como máximo { $max } a la vez. Divide la lista en dos.
streamers-not-found = No encontré ninguna cuenta de Twitch llamada **{ $login }**. Revisa cómo está escrito: es el nombre de twitch.tv/**nombre**.
streamers-route-vanished = Esa ruta se eliminó mientras la estaba añadiendo; vuelve a ejecutar el comando.
streamers-title-following = Ahora sigo a { $name }
streamers-title-another-channel = Se añadió otro canal para { $name }
streamers-title-already = Ya sigo a { $name }
streamers-title-updated = Se actualizaron las alertas de { $name }
streamers-title-moved = Se movieron las alertas de { $name }
streamers-live-now = 🔴 Está en directo ahora mismo: publiqué su directo actual, sin mencionar a nadie.
streamers-moved-note = La ruta que publicaba en el canal eliminado <#{ $channel }> ahora publica aquí, con su mención, su plantilla y sus filtros.
streamers-other-routes = { $count ->
    [one] Tiene { $count } ruta de alertas más aquí: `/{ -cmd-streamers } { -cmd-streamers-list }` las muestra todas.
   *[other] Tiene { $count } rutas de alertas más aquí: `/{ -cmd-streamers } { -cmd-streamers-list }` las muestra todas.
}
streamers-field-posts-in = Publica en
streamers-field-pings = Menciones
streamers-field-filters = Filtros
streamers-field-status = Estado
streamers-no-filters = ninguno: todos los directos (`/{ -cmd-filter }` añade filtros)
streamers-paused-status = ⏸️ en pausa (`{ -opt-enabled }:True` la reanuda)
streamers-budget-full = ⚠️ Todavía no puedo seguir a **{ $name }**: el cupo de alertas en directo de Twitch para este StreamMaxing está lleno. { $how }
streamers-budget-full-numbers = ⚠️ Todavía no puedo seguir a **{ $name }**: el cupo de alertas en directo de Twitch para este StreamMaxing está lleno ({ $used } de { $max } usadas; para seguirlo hacen falta { $needed } más). { $how }
streamers-how-to-free-room = Los streamers que vinculan su cuenta de Twitch no cuentan: ejecuta `/{ -cmd-streamers } { -cmd-streamers-link }` y envíales la página de vinculación. Quitar streamers que ya nadie necesita (`/{ -cmd-streamers } { -cmd-streamers-remove }`) también libera espacio.
streamers-alerts-active = ✅ Twitch me avisará en cuanto empiece su directo.
streamers-alerts-wait = ⚠️ El cupo de suscripciones de Twitch para este StreamMaxing está lleno, así que sus alertas esperan a que haya espacio. { $how }
streamers-alerts-retrying = ⚠️ Twitch aún no ha aceptado la suscripción a las alertas en directo ({ $why }). Lo seguiré intentando cada minuto.
streamers-pings-opted-in = los miembros que se apuntaron (`/{ -cmd-notify } { -cmd-notify-on }`)
streamers-pings-role-unset = nadie (el rol no está configurado: `/{ -cmd-setup } { -opt-role }:`)
streamers-pings-nobody = nadie

## /streamers add con varios nombres o un equipo

streamers-did-you-mean = { $login } (¿quisiste decir **{ $guess }**?)
streamers-many-title = Añadidos { $added } de { $total } streamers
streamers-team-not-found = No encontré ningún equipo de Twitch llamado **{ $name }**. Es el nombre de su dirección: twitch.tv/team/**nombre**.
streamers-team-empty = El equipo **{ $name }** todavía no tiene miembros, así que no hay nadie a quien seguir.
streamers-team-roster-note = Reviso la lista de miembros del equipo cada { $hours } horas: sigo a quienes se unen y dejo de seguir a quienes se van (salvo que los hayas añadido por su nombre). `/{ -cmd-streamers } { -cmd-streamers-list }` muestra los últimos cambios.
streamers-team-title = Ahora sigo al equipo { $name }
streamers-many-live = { $count ->
    [one] 🔴 { $count } de ellos está en directo ahora mismo: publiqué su directo actual, sin mencionar a nadie.
   *[other] 🔴 { $count } de ellos están en directo ahora mismo: publiqué sus directos actuales, sin mencionar a nadie.
}
streamers-group-added = ✅ Añadidos
streamers-group-already = Ya seguidos
streamers-group-not-found = ❓ No encontrados en Twitch
streamers-group-invalid = ⚠️ No son nombres de Twitch
streamers-group-no-room = ⛔ Sin espacio en el cupo de suscripciones de Twitch
streamers-group-waiting = ⏳ Seguidos, pero las alertas en directo de Twitch esperan

## /streamers remove

streamers-remove-whom = Indica un streamer (`{ -opt-streamer }:`) o un equipo seguido (`{ -opt-team }:`) para quitarlo.
streamers-unfollowed = Dejé de seguir a **{ $name }**. No habrá más notificaciones suyas aquí.
streamers-unfollowed-role-deleted = Dejé de seguir a **{ $name }**. No habrá más notificaciones suyas aquí. El rol 🔔 que creé para este canal se ha eliminado.
streamers-stopped-routes = Se detuvieron las alertas de **{ $name }** en { $places }. Sus otras alertas aquí continúan (`/{ -cmd-streamers } { -cmd-streamers-list }`).
streamers-team-not-followed = Este servidor no sigue ningún equipo llamado **{ $name }**. `/{ -cmd-streamers } { -cmd-streamers-list }` muestra los equipos que sigue.
streamers-team-stopped-none = Dejé de seguir al equipo **{ $team }**. No quedaba ninguno de los streamers que añadió por dejar de seguir.
streamers-team-stopped = { $count ->
    [one] Dejé de seguir al equipo **{ $team }**. No habrá más notificaciones del { $count } streamer que añadió: { $names }. Los streamers que añadiste por su nombre se quedan.
   *[other] Dejé de seguir al equipo **{ $team }**. No habrá más notificaciones de los { $count } streamers que añadió: { $names }. Los streamers que añadiste por su nombre se quedan.
}

## /streamers list

streamers-list-no-channel = ⚠️ Todavía no se ha elegido un canal del servidor: ejecuta `/{ -cmd-setup } { -opt-channel }:#tu-canal`.
streamers-list-paused = ⏸️ Las notificaciones están en pausa en este servidor (`/{ -cmd-setup } { -opt-enabled }:True`).
streamers-list-empty = Este servidor todavía no sigue a nadie. Añade un streamer con `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<nombre de Twitch>`.
streamers-list-title = { $streamers ->
    [one] Siguiendo a { $streamers } streamer
   *[other] Siguiendo a { $streamers } streamers
} · { $routes ->
    [one] { $routes } ruta de alertas
   *[other] { $routes } rutas de alertas
}
streamers-list-title-attention = { $streamers ->
    [one] Siguiendo a { $streamers } streamer
   *[other] Siguiendo a { $streamers } streamers
} · { $routes ->
    [one] { $routes } ruta de alertas
   *[other] { $routes } rutas de alertas
} · { $attention ->
    [one] ⚠️ { $attention } necesita atención
   *[other] ⚠️ { $attention } necesitan atención
}
streamers-list-page = Página { $page } de { $count }
streamers-list-previous = ◀ Anterior
streamers-list-next = Siguiente ▶
streamers-team-line = { $count ->
    [one] 👥 Equipo **{ $name }** (`{ $slug }`): { $count } miembro seguido a través de él, lista de miembros revisada <t:{ $checked }:R>
   *[other] 👥 Equipo **{ $name }** (`{ $slug }`): { $count } miembros seguidos a través de él, lista de miembros revisada <t:{ $checked }:R>
}
streamers-team-latest-change = último cambio <t:{ $at }:R>: { $change }
streamers-team-joined = se unieron: { $names }
streamers-team-left = se fueron: { $names }
streamers-team-gone = el equipo ya no existe en Twitch; mantengo el seguimiento de sus streamers
streamers-live-game = 🔴 en directo: { $game }
streamers-live = 🔴 en directo ahora
streamers-offline = ⚫ desconectado
streamers-linked = ✔️ vinculado
streamers-health-user-removed = ⚠️ esta cuenta de Twitch se eliminó o fue baneada: quítala con `/{ -cmd-streamers } { -cmd-streamers-remove }`
streamers-health-active = ✅ alertas activas
streamers-health-confirming = ⏳ Twitch está confirmando las alertas
streamers-health-waiting = ⚠️ las alertas esperan espacio en el cupo de suscripciones de Twitch: los streamers que vinculan su cuenta (`/{ -cmd-streamers } { -cmd-streamers-link }`) no cuentan, y `/{ -cmd-streamers } { -cmd-streamers-remove }` libera espacio
streamers-health-retrying = ⚠️ las alertas aún no están activas: lo reintento cada minuto (el operador puede ejecutar `streammaxing eventsub sync`)
streamers-route-line = → { $place } · menciones: { $whom }
streamers-route-own-template = plantilla propia
streamers-route-paused = ⏸️ en pausa
streamers-route-last-posted = última publicación <t:{ $at }:R>
streamers-route-never-posted = aún no ha publicado nada
streamers-route-not-posting = ⚠️ **No publica** ({ $code }): { $detail }

## /streamers test

streamers-test-more = { $count ->
    [one] …y { $count } ruta más: pruébala con `{ -opt-channel }:`.
   *[other] …y { $count } rutas más: pruébalas de una en una con `{ -opt-channel }:`.
}
streamers-test-no-channel = Todavía no hay ningún canal donde publicar. Elige uno con `/{ -cmd-setup } { -opt-channel }:#tu-canal`.
# Encabeza la alerta de ejemplo publicada en el canal (idioma del servidor).
streamers-test-header = 🧪 **Notificación de prueba** (no se ha mencionado a nadie)
streamers-test-posted = ✅ Publiqué una notificación de prueba para **{ $name }** en { $channel }: { $link }. No se ha mencionado a nadie.
streamers-test-resumed = Esta ruta se había detenido tras un fallo anterior; ya vuelve a funcionar.
streamers-filters-none = Esta ruta no tiene filtros: se anuncian todos los directos.
streamers-filters-pass-live = 🟢 Filtros: su directo actual se anunciaría.
streamers-filters-pass-offline = 🟢 Filtros: un directo con su título y categoría actuales se anunciaría.
streamers-filters-block-live = 🟡 Filtros: su directo actual **no** se anunciaría: { $why }.
streamers-filters-block-offline = 🟡 Filtros: un directo con su título y categoría actuales **no** se anunciaría: { $why }.
streamers-post-not-allowed = ❌ No puedo publicar en { $channel }: me faltan permisos allí. Dale al rol de StreamMaxing **Ver canal**, **Enviar mensajes** e **Insertar enlaces** en los ajustes de ese canal y vuelve a intentarlo.
streamers-post-unknown-channel = ❌ El canal { $channel } ya no existe. Elige uno nuevo con `/{ -cmd-setup } { -opt-channel }:` (o `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-channel }:` para el canal propio de este streamer).
streamers-post-refused = ❌ Discord rechazó el mensaje (error { $code }). Revisa la plantilla con `/{ -cmd-template } { -cmd-template-preview }`.

## /streamers link

streamers-link-unavailable = La página de vinculación no está disponible en este StreamMaxing: su operador tiene que configurar APP_SECRET.
streamers-link-button = Abrir la página de vinculación
streamers-link-text = Envía este enlace al streamer. Allí podrá vincular su cuenta de Twitch: este servidor lo seguirá, aparecerá como verificado y sus alertas dejarán de contar para el límite de suscripciones de Twitch. El enlace solo funciona una vez y caduca <t:{ $expires }:R>.

## Autocompletado de login:

streamers-choice-live = 🔴 { $name } · en directo
streamers-choice-followed = ya seguido aquí
streamers-not-a-login = «{ $typed }» no es un nombre de Twitch. Usa el nombre de la dirección de su canal: twitch.tv/**nombre** (letras, números y guiones bajos, hasta 25).
