# Respuestas que comparten todos los comandos.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } ruta de alertas de este servidor no publica: `/{ -cmd-streamers } { -cmd-streamers-list }` muestra por qué y cómo arreglarla.
   *[other] ⚠️ { $count } rutas de alertas de este servidor no publican: `/{ -cmd-streamers } { -cmd-streamers-list }` muestra por qué y cómo arreglarlas.
}
admins-only = 🔒 Solo los miembros con el permiso **Gestionar servidor** pueden cambiar los ajustes de StreamMaxing. Pide a un admin del servidor que lo haga o que te dé ese permiso.
failed-try-again = ⚠️ Algo ha fallado por nuestra parte y no se ha completado. Inténtalo de nuevo en un minuto.
