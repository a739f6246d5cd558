# Respostas que todos os comandos compartilham.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } rota de alertas deste servidor não está publicando: `/{ -cmd-streamers } { -cmd-streamers-list }` mostra o motivo e como corrigir.
   *[other] ⚠️ { $count } rotas de alertas deste servidor não estão publicando: `/{ -cmd-streamers } { -cmd-streamers-list }` mostra o motivo e como corrigir.
}
admins-only = 🔒 Só membros com a permissão **Gerenciar servidor** podem mudar as configurações do StreamMaxing. Peça a um admin do servidor para fazer isso ou para te dar essa permissão.
failed-try-again = ⚠️ Algo deu errado do nosso lado e a ação não foi concluída. Tente de novo em um minuto.

# O que toda interação atravessa.

common-server-only = O StreamMaxing funciona dentro de um servidor: use os comandos dele em um canal de um servidor ao qual ele foi adicionado.
common-unknown-interaction = O StreamMaxing não lida com esse tipo de interação.
common-failed-nothing-changed = ⚠️ Algo deu errado do nosso lado e nada foi alterado. Tente de novo em um minuto; se continuar acontecendo, o operador do bot encontra os detalhes nos logs.
common-unreadable-options = Não consegui ler as opções desse comando; talvez o Discord ainda esteja mostrando uma versão antiga dele. Tente de novo em um minuto.
common-unknown-command = O StreamMaxing não conhece mais o comando `/{ $command }`. A lista de comandos do servidor vai se atualizar em breve.
common-button-without-data = Esse botão chegou sem nenhum dado.
common-button-outdated = Esse botão é de uma versão antiga do StreamMaxing e não faz mais nada.
