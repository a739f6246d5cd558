# /streamers add|remove|list|test|link, adicionar vários de uma vez, equipes e
# o preenchimento automático de login:.

## /streamers add

streamers-no-twitch = Este StreamMaxing ainda não consegue acessar a Twitch: o operador precisa configurar TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET e TWITCH_EVENTSUB_SECRET.
streamers-role-missing = Para mencionar um cargo nesta rota, escolha-o com `{ -opt-role }:`, por exemplo `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:shroud { -opt-role }:@Live`.
streamers-login-or-team = Informe streamers (`{ -opt-login }:`) ou uma equipe (`{ -opt-team }:`), mas não os dois ao mesmo tempo.
streamers-name-someone = Informe um streamer com `{ -opt-login }:` (digite para buscar na Twitch; vários separados por vírgulas) ou uma equipe da Twitch com `{ -opt-team }:`.
streamers-name-login = Informe um streamer com `{ -opt-login }:`: o nome que aparece no endereço do canal, twitch.tv/**nome**.
streamers-too-many = São { $count } nomes; consigo adicionar no máximo { $max } de uma vez. Divida a lista em duas.
streamers-not-found = Não encontrei nenhuma conta da Twitch chamada **{ $login }**. Confira a grafia: é o nome em twitch.tv/**nome**.
streamers-route-vanished = Essa rota foi removida enquanto eu a adicionava; execute o comando de novo.
streamers-title-following = Agora sigo { $name }
streamers-title-another-channel = Outro canal adicionado para { $name }
streamers-title-already = Já sigo { $name }
streamers-title-updated = Alertas de { $name } atualizados
streamers-title-moved = Alertas de { $name } movidos
streamers-live-now = 🔴 Está ao vivo agora: publiquei a live atual, sem mencionar ninguém.
streamers-moved-note = A rota que publicava no canal excluído <#{ $channel }> agora publica aqui, com a menção, o modelo e os filtros dela.
streamers-other-routes = { $count ->
    [one] Há mais { $count } rota de alertas aqui: `/{ -cmd-streamers } { -cmd-streamers-list }` mostra todas.
   *[other] Há mais { $count } rotas de alertas aqui: `/{ -cmd-streamers } { -cmd-streamers-list }` mostra todas.
}
streamers-field-posts-in = Publica em
streamers-field-pings = Menções
streamers-field-filters = Filtros
streamers-field-status = Status
streamers-no-filters = nenhum: todas as lives (`/{ -cmd-filter }` adiciona filtros)
streamers-paused-status = ⏸️ pausada (`{ -opt-enabled }:True` retoma)
streamers-budget-full = ⚠️ Ainda não consigo seguir **{ $name }**: a cota de alertas de live da Twitch para este StreamMaxing está cheia. { $how }
streamers-budget-full-numbers = ⚠️ Ainda não consigo seguir **{ $name }**: a cota de alertas de live da Twitch para este StreamMaxing está cheia ({ $used } de { $max } usadas; para seguir esse canal são necessárias mais { $needed }). { $how }
streamers-how-to-free-room = Streamers que vinculam a conta da Twitch não contam: use `/{ -cmd-streamers } { -cmd-streamers-link }` e envie a página de vinculação para eles. Remover streamers de que ninguém precisa mais (`/{ -cmd-streamers } { -cmd-streamers-remove }`) também libera espaço.
streamers-alerts-active = ✅ A Twitch vai me avisar assim que a live começar.
streamers-alerts-wait = ⚠️ A cota de inscrições da Twitch para este StreamMaxing está cheia, então os alertas aguardam espaço. { $how }
streamers-alerts-retrying = ⚠️ A Twitch ainda não aceitou a inscrição nos alertas de live ({ $why }). Vou continuar tentando a cada minuto.
streamers-pings-opted-in = membros que ativaram (`/{ -cmd-notify } { -cmd-notify-on }`)
streamers-pings-role-unset = ninguém (o cargo não está definido: `/{ -cmd-setup } { -opt-role }:`)
streamers-pings-nobody = ninguém

## /streamers add com vários nomes ou uma equipe

streamers-did-you-mean = { $login } (você quis dizer **{ $guess }**?)
streamers-many-title = { $added } de { $total } streamers adicionados
streamers-team-not-found = Não encontrei nenhuma equipe da Twitch chamada **{ $name }**. É o nome no endereço dela: twitch.tv/team/**nome**.
streamers-team-empty = A equipe **{ $name }** ainda não tem membros, então não há ninguém para seguir.
streamers-team-roster-note = Verifico a lista de membros da equipe a cada { $hours } horas: quem entra passa a ser seguido e quem sai deixa de ser (a menos que você tenha adicionado pelo nome). `/{ -cmd-streamers } { -cmd-streamers-list }` mostra as últimas mudanças.
streamers-team-title = Agora sigo a equipe { $name }
streamers-many-live = { $count ->
    [one] 🔴 { $count } deles está ao vivo agora: publiquei a live atual, sem mencionar ninguém.
   *[other] 🔴 { $count } deles estão ao vivo agora: publiquei as lives atuais, sem mencionar ninguém.
}
streamers-group-added = ✅ Adicionados
streamers-group-already = Já seguidos
streamers-group-not-found = ❓ Não encontrados na Twitch
streamers-group-invalid = ⚠️ Não são nomes da Twitch
streamers-group-no-room = ⛔ Sem espaço na cota de inscrições da Twitch
streamers-group-waiting = ⏳ Seguidos, mas os alertas de live da Twitch estão aguardando

## /streamers remove

streamers-remove-whom = Informe um streamer (`{ -opt-streamer }:`) ou uma equipe seguida (`{ -opt-team }:`) para remover.
streamers-unfollowed = Deixei de seguir **{ $name }**. Não haverá mais notificações desse canal aqui.
streamers-unfollowed-role-deleted = Deixei de seguir **{ $name }**. Não haverá mais notificações desse canal aqui. O cargo 🔔 que criei para ele foi excluído.
streamers-stopped-routes = Alertas de **{ $name }** encerrados em { $places }. Os outros alertas dele aqui continuam (`/{ -cmd-streamers } { -cmd-streamers-list }`).
streamers-team-not-followed = Este servidor não segue nenhuma equipe chamada **{ $name }**. `/{ -cmd-streamers } { -cmd-streamers-list }` mostra as equipes que ele segue.
streamers-team-stopped-none = Deixei de seguir a equipe **{ $team }**. Não restava nenhum dos streamers que ela adicionou para deixar de seguir.
streamers-team-stopped = { $count ->
    [one] Deixei de seguir a equipe **{ $team }**. Não haverá mais notificações do { $count } streamer que ela adicionou: { $names }. Os streamers que você adicionou pelo nome continuam.
   *[other] Deixei de seguir a equipe **{ $team }**. Não haverá mais notificações dos { $count } streamers que ela adicionou: { $names }. Os streamers que você adicionou pelo nome continuam.
}

## /streamers list

streamers-list-no-channel = ⚠️ Nenhum canal do servidor foi escolhido ainda: use `/{ -cmd-setup } { -opt-channel }:#seu-canal`.
streamers-list-paused = ⏸️ As notificações estão pausadas neste servidor (`/{ -cmd-setup } { -opt-enabled }:True`).
streamers-list-empty = Este servidor ainda não segue ninguém. Adicione um streamer com `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<nome na Twitch>`.
streamers-list-title = { $streamers ->
    [one] Seguindo { $streamers } streamer
   *[other] Seguindo { $streamers } streamers
} · { $routes ->
    [one] { $routes } rota de alertas
   *[other] { $routes } rotas de alertas
}
streamers-list-title-attention = { $streamers ->
    [one] Seguindo { $streamers } streamer
   *[other] Seguindo { $streamers } streamers
} · { $routes ->
    [one] { $routes } rota de alertas
   *[other] { $routes } rotas de alertas
} · { $attention ->
    [one] ⚠️ { $attention } precisa de atenção
   *[other] ⚠️ { $attention } precisam de atenção
}
streamers-list-page = Página { $page } de { $count }
streamers-list-previous = ◀ Anterior
streamers-list-next = Próxima ▶
streamers-team-line = { $count ->
    [one] 👥 Equipe **{ $name }** (`{ $slug }`): { $count } membro seguido por ela, lista de membros verificada <t:{ $checked }:R>
   *[other] 👥 Equipe **{ $name }** (`{ $slug }`): { $count } membros seguidos por ela, lista de membros verificada <t:{ $checked }:R>
}
streamers-team-latest-change = última mudança <t:{ $at }:R>: { $change }
streamers-team-joined = entraram: { $names }
streamers-team-left = saíram: { $names }
streamers-team-gone = a equipe não existe mais na Twitch; os streamers dela continuam sendo seguidos
streamers-live-game = 🔴 ao vivo: { $game }
streamers-live = 🔴 ao vivo agora
streamers-offline = ⚫ offline
streamers-linked = ✔️ vinculado
streamers-health-user-removed = ⚠️ esta conta da Twitch foi excluída ou banida: remova com `/{ -cmd-streamers } { -cmd-streamers-remove }`
streamers-health-active = ✅ alertas ativos
streamers-health-confirming = ⏳ alertas sendo confirmados pela Twitch
streamers-health-waiting = ⚠️ os alertas aguardam espaço na cota de inscrições da Twitch: streamers que vinculam a conta (`/{ -cmd-streamers } { -cmd-streamers-link }`) não contam, e `/{ -cmd-streamers } { -cmd-streamers-remove }` libera espaço
streamers-health-retrying = ⚠️ alertas ainda não ativos: tento de novo a cada minuto (o operador pode executar `streammaxing eventsub sync`)
streamers-route-line = → { $place } · menções: { $whom }
streamers-route-own-template = modelo próprio
streamers-route-paused = ⏸️ pausada
streamers-route-last-posted = última publicação <t:{ $at }:R>
streamers-route-never-posted = ainda não publicou
streamers-route-not-posting = ⚠️ **Não está publicando** ({ $code }): { $detail }

## /streamers test

streamers-test-more = { $count ->
    [one] …e mais { $count } rota: teste com `{ -opt-channel }:`.
   *[other] …e mais { $count } rotas: teste uma de cada vez com `{ -opt-channel }:`.
}
streamers-test-no-channel = Ainda não há um canal para publicar. Escolha um com `/{ -cmd-setup } { -opt-channel }:#seu-canal`.
# Aparece no topo do alerta de exemplo publicado no canal (idioma do servidor).
streamers-test-header = 🧪 **Notificação de teste** (ninguém foi mencionado)
streamers-test-posted = ✅ Notificação de teste de **{ $name }** publicada em { $channel }: { $link }. Ninguém foi mencionado.
streamers-test-resumed = Esta rota tinha parado depois de uma falha anterior; ela voltou a funcionar.
streamers-filters-none = Nenhum filtro nesta rota: todas as lives são anunciadas.
streamers-filters-pass-live = 🟢 Filtros: a live atual seria anunciada.
streamers-filters-pass-offline = 🟢 Filtros: uma live com o título e a categoria atuais seria anunciada.
streamers-filters-block-live = 🟡 Filtros: a live atual **não** seria anunciada: { $why }.
streamers-filters-block-offline = 🟡 Filtros: uma live com o título e a categoria atuais **não** seria anunciada: { $why }.
streamers-post-not-allowed = ❌ Não consigo publicar em { $channel }: faltam permissões lá. Dê ao cargo do StreamMaxing **Ver canal**, **Enviar mensagens** e **Inserir links** nas configurações desse canal e tente de novo.
streamers-post-unknown-channel = ❌ O canal { $channel } não existe mais. Escolha um novo com `/{ -cmd-setup } { -opt-channel }:` (ou `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-channel }:` para o canal próprio deste streamer).
streamers-post-refused = ❌ O Discord recusou a mensagem (erro { $code }). Confira o modelo com `/{ -cmd-template } { -cmd-template-preview }`.

## /streamers link

streamers-link-unavailable = A página de vinculação não está disponível neste StreamMaxing: o operador precisa configurar APP_SECRET.
streamers-link-button = Abrir a página de vinculação
streamers-link-text = Envie este link para o streamer. Nele, a pessoa vincula a conta da Twitch: este servidor passa a segui-la, ela aparece como verificada e os alertas dela deixam de contar no limite de inscrições da Twitch. O link funciona uma única vez e expira <t:{ $expires }:R>.

## Preenchimento automático de login:

streamers-choice-live = 🔴 { $name } · ao vivo
streamers-choice-followed = já seguido aqui
streamers-not-a-login = “{ $typed }” não é um nome da Twitch. Use o nome do endereço do canal: twitch.tv/**nome** (letras, números e sublinhados, até 25).
