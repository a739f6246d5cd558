# The slash commands as Discord shows them: names (terms, so replies can
# name a command as the member sees it: `/{ -cmd-notify } { -cmd-notify-on }`),
# descriptions (at most 100 characters) and choices.
# Names: lowercase, no spaces, at most 32 characters, unique among siblings.

## Command and subcommand names.
-cmd-filter = filtro
-cmd-filter-game = jogo
-cmd-filter-title = título
-cmd-filter-clear = limpar
-cmd-notify = notificar
-cmd-notify-on = ativar
-cmd-notify-off = desativar
-cmd-notify-list = lista
-cmd-notify-forget = esquecer
-cmd-setup = configurar
-cmd-streamers = streamers
-cmd-streamers-add = adicionar
-cmd-streamers-remove = remover
-cmd-streamers-list = lista
-cmd-streamers-test = testar
-cmd-streamers-link = link
-cmd-template = modelo
-cmd-template-edit = editar
-cmd-template-preview = prévia
-cmd-template-reset = redefinir

## Option names.
-opt-streamer = streamer
-opt-channel = canal
-opt-game = jogo
-opt-rule = regra
-opt-words = palavras
-opt-role = cargo
-opt-ping = marcar
-opt-enabled = ativado
-opt-after-stream = após_live
-opt-publish = publicar
-opt-cooldown = cooldown
-opt-refresh = atualização
-opt-post-as = postar_como
-opt-language = idioma
-opt-login = usuário
-opt-team = equipe

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
cmd-filter-desc = Anunciar só algumas lives de um streamer: por jogo ou por palavras no título
cmd-filter-game-desc = Anunciar só um jogo, nunca anunciá-lo ou remover essa regra
cmd-filter-title-desc = Exigir ou ignorar palavras no título da live (palavras inteiras, sem diferenciar maiúsculas)
cmd-filter-clear-desc = Remover todos os filtros: anunciar todas as lives de um streamer
cmd-notify-desc = Escolher quais streamers te marcam quando entram ao vivo
cmd-notify-on-desc = Ser marcado quando este streamer entrar ao vivo
cmd-notify-off-desc = Parar de ser marcado quando este streamer entrar ao vivo
cmd-notify-list-desc = Ver quais streamers te marcam
cmd-notify-forget-desc = Apagar o que o bot guarda sobre você neste servidor e tirar de você os cargos 🔔 dele
cmd-setup-desc = Escolher onde os alertas de live são postados e quem eles marcam
cmd-streamers-desc = Gerenciar os streamers da Twitch dos quais este servidor recebe alertas de live
cmd-streamers-add-desc = Seguir um streamer em um canal (de novo com outro canal para uma segunda rota)
cmd-streamers-remove-desc = Parar os alertas de um streamer (em um canal ou em todos)
cmd-streamers-list-desc = Ver todos os streamers e rotas de alertas deste servidor e se estão funcionando
cmd-streamers-test-desc = Postar agora uma notificação de exemplo (sem marcar ninguém) para conferir se tudo funciona
cmd-streamers-link-desc = Gerar um link para um streamer conectar a conta da Twitch
cmd-template-desc = Personalizar a aparência dos alertas de live
cmd-template-edit-desc = Editar o modelo de notificação (do servidor ou de um streamer)
cmd-template-preview-desc = Ver uma notificação exatamente como ela será postada
cmd-template-reset-desc = Voltar ao modelo padrão

opt-streamer-desc = O streamer (nome na Twitch)
opt-route-channel-desc = Só os alertas dele neste canal (padrão: todos)
opt-filter-game-desc = O jogo ou a categoria, como a Twitch chama
opt-filter-game-rule-desc = O que fazer com ele
opt-filter-words-desc = Palavras ou frases separadas por vírgulas (ex.: "reprise, reupload")
opt-filter-title-rule-desc = O que fazer com elas
opt-setup-channel-desc = Canal dos alertas de live (obrigatório na primeira vez; depois, só para trocar)
opt-setup-role-desc = Cargo a marcar quando um streamer entrar ao vivo
opt-setup-ping-desc = Quem é marcado (padrão: o cargo, se você escolher um; senão, ninguém)
opt-setup-enabled-desc = Ligar ou desligar os alertas de live neste servidor
opt-setup-after-stream-desc = O que acontece com a mensagem quando a live acaba (padrão: editá-la)
opt-setup-publish-desc = Em canais de anúncios, publicar os alertas nos servidores seguidores (padrão: sim)
opt-setup-cooldown-desc = Minutos em que uma live que cai e volta reaproveita a mensagem (padrão 10, 0 = desligado)
opt-setup-refresh-desc = Minutos entre atualizações da prévia e dos espectadores de uma live (padrão 10, 0 = desligado)
opt-setup-post-as-desc = Postar como o bot ou como o streamer (nome e avatar dele, via um webhook do canal)
opt-setup-language-desc = O idioma dos alertas e do modelo padrão (padrão: o idioma do servidor)
opt-add-login-desc = O usuário na Twitch, como em twitch.tv/<usuário> (digite para buscar; vários: espaços ou vírgulas)
opt-add-channel-desc = Postar os alertas aqui (padrão: o canal do /configurar). Outro canal cria outra rota
opt-add-ping-desc = Quem esta rota marca (padrão: o que o /configurar diz)
opt-add-role-desc = O cargo que esta rota marca
opt-add-enabled-desc = Ligar ou desligar esta rota
opt-add-team-desc = Uma equipe da Twitch (twitch.tv/team/<nome>): seguir todos os membros e acompanhar as mudanças
opt-remove-team-desc = Uma equipe da Twitch seguida: parar de segui-la e os membros que ela adicionou
opt-test-channel-desc = Só a rota dele neste canal (padrão: cada uma das rotas dele)
opt-template-streamer-desc = Só para este streamer (deixe vazio para o servidor inteiro)
opt-template-channel-desc = Com streamer: só os alertas dele neste canal
opt-preview-streamer-desc = Prévia da notificação deste streamer (padrão: o modelo do servidor)

## Choices (at most 100 characters).
choice-filter-game-only = Anunciar só lives deste jogo
choice-filter-game-skip = Nunca anunciar lives deste jogo
choice-filter-game-remove = Remover a regra deste jogo
choice-filter-title-has = Anunciar só títulos com alguma delas
choice-filter-title-skip = Nunca anunciar títulos com alguma delas
choice-filter-title-remove = Remover as regras destas palavras
choice-ping-server = Como diz o /configurar do servidor
choice-ping-none = Ninguém
choice-ping-role = O cargo que eu escolher
choice-ping-streamer-role = Membros que ativam, streamer por streamer, com /notificar
choice-after-stream-edit = Editar para mostrar quanto tempo a live durou
choice-after-stream-delete = Apagar
choice-after-stream-keep = Deixar como está
choice-post-as-bot = O bot (StreamMaxing)
choice-post-as-streamer = O streamer (nome e avatar dele, via um webhook que eu crio)
choice-language-server = O idioma do servidor (segundo o Discord)
