# /setup: os padrões do servidor, a verificação de que o bot consegue postar
# e os nomes das permissões como o próprio Discord mostra.

setup-choose-channel-first = Primeiro escolha para onde vão as notificações de live: `/{ -cmd-setup } { -opt-channel }:#seu-canal`. Depois disso, `/{ -cmd-setup }` muda só as opções que você informar.
setup-role-needed = Para marcar um cargo, escolha-o com a opção `{ -opt-role }:`, por exemplo `/{ -cmd-setup } { -opt-role }:@Live`.

## O que impediria as notificações de funcionar, cada item com a solução.
setup-check-failed = Não consegui verificar minhas permissões em <#{ $channel }> agora. Use `/{ -cmd-streamers } { -cmd-streamers-test }` para confirmar que consigo postar lá.
setup-check-slow = O Discord demorou demais para me informar minhas permissões em <#{ $channel }>. Use `/{ -cmd-streamers } { -cmd-streamers-test }` para confirmar que consigo postar lá.
setup-missing-permissions = { $count ->
    [one] Está faltando a permissão { $permissions } em <#{ $channel }>. Abra as configurações do canal → Permissões, adicione o cargo StreamMaxing e ative-a.
   *[other] Estão faltando as permissões { $permissions } em <#{ $channel }>. Abra as configurações do canal → Permissões, adicione o cargo StreamMaxing e ative-as.
}
setup-role-unmentionable = <@&{ $role }> não pode ser mencionado, então a marcação não chegaria a ninguém. Em Configurações do servidor → Cargos → { $name }, ative **Permitir que qualquer pessoa @mencione este cargo** (ou me dê **{ setup-perm-mention-everyone }** em <#{ $channel }>).
setup-opt-in-needs-manage-roles = As marcações por inscrição precisam de um cargo por streamer que eu crio e distribuo, então preciso de **{ setup-perm-manage-roles }** (Configurações do servidor → Cargos → StreamMaxing).
setup-opt-in-needs-mention-all = Os membros não podem @mencionar os cargos de inscrição (assim ninguém consegue marcar em massa todo mundo que se inscreveu); eu mesmo marco esses cargos, e para isso preciso de **{ setup-perm-mention-everyone }** em <#{ $channel }>. Sem essa permissão, a notificação é postada, mas não marca ninguém.
setup-webhooks-needed = Postar como o streamer passa por um webhook que eu crio em <#{ $channel }>, o que exige **{ setup-perm-manage-webhooks }** nesse canal. Até eu ter essa permissão, os alertas são postados como StreamMaxing.
setup-history-needed = Quando o Discord perde a resposta de uma postagem, eu leio as mensagens recentes de <#{ $channel }> para garantir que o alerta ainda não está lá antes de postá-lo de novo, o que exige **{ setup-perm-read-message-history }**. Sem essa permissão, uma resposta perdida pode gerar um alerta duplicado.
setup-manage-messages-needed = Publicar para os servidores seguidores um alerta que o webhook do streamer postou em <#{ $channel }> exige **{ setup-perm-manage-messages }** nesse canal (não é uma mensagem minha). Sem essa permissão, os alertas são postados, mas não publicados.

## Os nomes das permissões, como as configurações do Discord mostram.
setup-perm-view-channel = Ver canal
setup-perm-send-messages = Enviar mensagens
setup-perm-embed-links = Inserir links
setup-perm-manage-roles = Gerenciar cargos
setup-perm-mention-everyone = Mencionar @everyone, @here e todos os cargos
setup-perm-manage-messages = Gerenciar mensagens
setup-perm-manage-webhooks = Gerenciar webhooks
setup-perm-read-message-history = Ver histórico de mensagens
setup-list-separator = {", "}
setup-list-last = { $init } e { $last }

## O resumo das configurações salvas.
setup-title-ok = ✅ As notificações de live estão configuradas
setup-title-paused = ⏸️ Salvo: as notificações de live estão pausadas
setup-title-problems = ⚠️ Salvo, mas algo precisa ser corrigido
setup-field-channel = Canal
setup-field-pings = Marcações
setup-field-after-stream = Quando uma live termina
setup-field-publish = Publicar em canais de anúncios
setup-field-drops = Quedas da live
setup-field-while-live = Durante a live
setup-field-posted-as = Postado como
setup-field-language = Idioma
setup-field-status = Status
setup-channel-none = nenhum
setup-pings-opt-in = membros que se inscreveram com `/{ -cmd-notify } { -cmd-notify-on }`
setup-pings-nobody = ninguém
setup-after-edit = a mensagem é editada para dizer quanto tempo a live durou
setup-after-delete = a mensagem é apagada
setup-after-keep = a mensagem fica como está
setup-publish-yes = sim
setup-publish-no = não
setup-cooldown-off = desativado: cada início de live posta uma nova mensagem
setup-cooldown = uma live que volta em até { $minutes } min reaproveita a mensagem
setup-refresh-off = desativado: uma mensagem de live só muda com o título ou o jogo
setup-refresh = prévia e contagem de espectadores atualizadas a cada { $minutes } min
setup-posted-as-streamer = o streamer (nome e avatar)
setup-language-server = o do servidor ({ $language })
setup-status-on = ativado
setup-status-paused = pausado (`/{ -cmd-setup } { -opt-enabled }:True` para retomar)
setup-defaults-explained = Estes são os padrões do servidor: os alertas de cada streamer usam esses padrões, a menos que ele tenha os próprios (`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:… { -opt-channel }:… { -opt-role }:…`). Próximo passo: `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<nome na Twitch>` e depois `/{ -cmd-streamers } { -cmd-streamers-test }`.
