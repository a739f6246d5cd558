# Respuestas que comparten todos los comandos.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } ruta de alertas de este servidor no publica: `/{ -cmd-streamers } { -cmd-streamers-list }` muestra por qué y cómo arreglarla.
   *[other] ⚠️ { $count } rutas de alertas de este servidor no publican: `/{ -cmd-streamers } { -cmd-streamers-list }` muestra por qué y cómo arreglarlas.
}
admins-only = 🔒 Solo los miembros con el permiso **Gestionar servidor** pueden cambiar los ajustes de StreamMaxing. Pide a un admin del servidor que lo haga o que te dé ese permiso.
failed-try-again = ⚠️ Algo ha fallado por nuestra parte y no se ha completado. Inténtalo de nuevo en un minuto.

# Lo que atraviesa toda interacción.

common-server-only = StreamMaxing funciona dentro de un servidor: usa sus comandos en un canal de un servidor al que se haya añadido.
common-unknown-interaction = StreamMaxing no gestiona ese tipo de interacción.
common-failed-nothing-changed = ⚠️ Algo falló por nuestra parte y no se cambió nada. Inténtalo de nuevo en un minuto; si sigue pasando, el operador del bot puede ver los detalles en sus registros.
common-unreadable-options = No he podido leer las opciones de ese comando; puede que Discord aún muestre una versión anterior. Inténtalo de nuevo en un minuto.
common-unknown-command = StreamMaxing ya no conoce el comando `/{ $command }`. La lista de comandos del servidor se actualizará en breve.
common-button-without-data = Ese botón llegó sin datos.
common-button-outdated = Ese botón es de una versión anterior de StreamMaxing y ya no hace nada.
