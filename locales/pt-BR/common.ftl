# Respostas que todos os comandos compartilham.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } rota de alertas deste servidor não está publicando: `/{ -cmd-streamers } { -cmd-streamers-list }` mostra o motivo e como corrigir.
   *[other] ⚠️ { $count } rotas de alertas deste servidor não estão publicando: `/{ -cmd-streamers } { -cmd-streamers-list }` mostra o motivo e como corrigir.
}
admins-only = 🔒 Só membros com a permissão **Gerenciar servidor** podem mudar as configurações do StreamMaxing. Peça a um admin do servidor para fazer isso ou para te dar essa permissão.
failed-try-again = ⚠️ Algo deu errado do nosso lado e a ação não foi concluída. Tente de novo em um minuto.
