# Por que uma rota parou de publicar e o comando que resolve.

attention-test-route = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login } { -opt-channel }:#…`
attention-test-server = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login }`
attention-route-channel-deleted = O canal de alertas <#{ $channel }> de { $name } foi excluído. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…` move esta rota para outro canal.
attention-server-channel-deleted = O canal de alertas <#{ $channel }> do servidor foi excluído, então os alertas de { $name } pararam. Escolha outro com `/{ -cmd-setup } { -opt-channel }:#…`.
attention-webhook-deleted = O webhook pelo qual passavam os alertas de { $name } foi excluído. Use { $test }.
attention-missing-permissions = Não consigo publicar os alertas de { $name } em <#{ $channel }>: dê ao cargo StreamMaxing **Ver canal**, **Enviar mensagens** e **Inserir links** lá e depois use { $test }.
attention-no-channel = Nenhum canal de alertas para { $name }: escolha o do servidor com `/{ -cmd-setup } { -opt-channel }:#…` (ou dê a este streamer um canal próprio com `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…`).
