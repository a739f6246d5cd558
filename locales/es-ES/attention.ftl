# Por qué una ruta dejó de publicar y el comando que lo arregla.

attention-test-route = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login } { -opt-channel }:#…`
attention-test-server = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login }`
attention-route-channel-deleted = Se eliminó el canal de alertas <#{ $channel }> de { $name }. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…` mueve esta ruta a otro canal.
attention-server-channel-deleted = Se eliminó el canal de alertas <#{ $channel }> del servidor, así que las alertas de { $name } se detuvieron. Elige otro con `/{ -cmd-setup } { -opt-channel }:#…`.
attention-webhook-deleted = Se eliminó el webhook por el que pasaban las alertas de { $name }. Ejecuta { $test }.
attention-missing-permissions = No puedo publicar las alertas de { $name } en <#{ $channel }>: da al rol StreamMaxing **Ver canal**, **Enviar mensajes** e **Insertar enlaces** ahí y luego ejecuta { $test }.
attention-no-channel = No hay canal de alertas para { $name }: elige el del servidor con `/{ -cmd-setup } { -opt-channel }:#…` (o dale a este streamer uno propio con `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…`).
