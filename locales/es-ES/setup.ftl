# /setup: los valores predeterminados del servidor, la comprobación de que el
# bot puede publicar y los nombres de los permisos tal como los muestra Discord.

setup-choose-channel-first = Primero elige adónde van las notificaciones de directos: `/{ -cmd-setup } { -opt-channel }:#tu-canal`. Después, `/{ -cmd-setup }` solo cambia las opciones que indiques.
setup-role-needed = Para mencionar un rol, elígelo con la opción `{ -opt-role }:`, p. ej. `/{ -cmd-setup } { -opt-role }:@Live`.

## Lo que impediría que las notificaciones funcionen, cada cosa con su solución.
setup-check-failed = Ahora mismo no he podido comprobar mis permisos en <#{ $channel }>. Usa `/{ -cmd-streamers } { -cmd-streamers-test }` para comprobar que puedo publicar allí.
setup-check-slow = Discord ha tardado demasiado en decirme mis permisos en <#{ $channel }>. Usa `/{ -cmd-streamers } { -cmd-streamers-test }` para comprobar que puedo publicar allí.
setup-missing-permissions = { $count ->
    [one] Me falta el permiso { $permissions } en <#{ $channel }>. Abre los ajustes del canal → Permisos, añade el rol StreamMaxing y actívalo.
   *[other] Me faltan los permisos { $permissions } en <#{ $channel }>. Abre los ajustes del canal → Permisos, añade el rol StreamMaxing y actívalos.
}
setup-role-unmentionable = <@&{ $role }> no se puede mencionar, así que la mención no llegaría a nadie. En Ajustes del servidor → Roles → { $name }, activa **Permitir que cualquiera @mencione este rol** (o dame **{ setup-perm-mention-everyone }** en <#{ $channel }>).
setup-opt-in-needs-manage-roles = Las menciones por suscripción necesitan un rol por streamer que yo creo y asigno, así que necesito **{ setup-perm-manage-roles }** (Ajustes del servidor → Roles → StreamMaxing).
setup-opt-in-needs-mention-all = Los miembros no pueden @mencionar los roles de suscripción (así nadie puede mencionar en masa a todos los suscritos); los menciono yo, y para eso necesito **{ setup-perm-mention-everyone }** en <#{ $channel }>. Sin ese permiso, la notificación se publica pero no menciona a nadie.
setup-webhooks-needed = Publicar como el streamer pasa por un webhook que creo en <#{ $channel }>, y para eso necesito **{ setup-perm-manage-webhooks }** en ese canal. Hasta que lo tenga, las alertas se publican como StreamMaxing.
setup-history-needed = Cuando Discord pierde la respuesta a una publicación, leo los mensajes recientes de <#{ $channel }> para asegurarme de que la alerta no está ya allí antes de volver a publicarla, y para eso necesito **{ setup-perm-read-message-history }**. Sin ese permiso, una respuesta perdida puede acabar en una alerta duplicada.
setup-manage-messages-needed = Para publicar en los servidores que siguen el canal una alerta que el webhook del streamer envió a <#{ $channel }>, necesito **{ setup-perm-manage-messages }** en ese canal (no es un mensaje mío). Sin ese permiso, las alertas se envían pero no se publican.

## Los nombres de los permisos, tal como los muestran los ajustes de Discord.
setup-perm-view-channel = Ver canal
setup-perm-send-messages = Enviar mensajes
setup-perm-embed-links = Insertar enlaces
setup-perm-manage-roles = Gestionar roles
setup-perm-mention-everyone = Mencionar @everyone, @here y todos los roles
setup-perm-manage-messages = Gestionar mensajes
setup-perm-manage-webhooks = Gestionar webhooks
setup-perm-read-message-history = Leer el historial de mensajes
setup-list-separator = {", "}
setup-list-last = { $init } y { $last }

## El resumen de los ajustes guardados.
setup-title-ok = ✅ Las notificaciones de directos están configuradas
setup-title-paused = ⏸️ Guardado: las notificaciones de directos están en pausa
setup-title-problems = ⚠️ Guardado, pero hay algo que corregir
setup-field-channel = Canal
setup-field-pings = Menciones
setup-field-after-stream = Cuando termina un directo
setup-field-publish = Publicar en canales de anuncios
setup-field-drops = Cortes del directo
setup-field-while-live = Durante el directo
setup-field-posted-as = Publicado como
setup-field-language = Idioma
setup-field-status = Estado
setup-channel-none = ninguno
setup-pings-opt-in = los miembros que se apuntaron con `/{ -cmd-notify } { -cmd-notify-on }`
setup-pings-nobody = nadie
setup-after-edit = su mensaje se edita para indicar cuánto duró
setup-after-delete = su mensaje se elimina
setup-after-keep = su mensaje se queda como está
setup-publish-yes = sí
setup-publish-no = no
setup-cooldown-off = desactivado: cada inicio de directo publica un mensaje nuevo
setup-cooldown = un directo que vuelve en menos de { $minutes } min reutiliza su mensaje
setup-refresh-off = desactivado: un mensaje de directo solo cambia con el título o el juego
setup-refresh = vista previa y número de espectadores actualizados cada { $minutes } min
setup-posted-as-streamer = el streamer (nombre y avatar)
setup-language-server = el del servidor ({ $language })
setup-status-on = activado
setup-status-paused = en pausa (`/{ -cmd-setup } { -opt-enabled }:True` para reanudar)
setup-defaults-explained = Estos son los valores predeterminados del servidor: las alertas de cada streamer los usan salvo que tenga los suyos propios (`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:… { -opt-channel }:… { -opt-role }:…`). Siguiente paso: `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<su nombre de Twitch>` y luego `/{ -cmd-streamers } { -cmd-streamers-test }`.
