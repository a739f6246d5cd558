# /notify e o botão 🔔: um membro escolhe quais streamers o mencionam.

notify-streamer-gone = Este servidor não segue mais esse streamer.
notify-list-empty = Este servidor ainda não segue nenhum streamer.
notify-list-title = Seus avisos de live
notify-list-how-to-change = Mude com `/{ -cmd-notify } { -cmd-notify-on }` / `/{ -cmd-notify } { -cmd-notify-off }` ou com o botão 🔔 embaixo de qualquer notificação de live.
notify-forgotten = 🧹 Pronto: apaguei o que eu guardava sobre você neste servidor ({ $erased ->
        [one] { $erased } escolha ou rascunho salvo
       *[other] { $erased } escolhas ou rascunhos salvos
    }) e tirei { $roles ->
        [one] { $roles } cargo 🔔 que eu tinha te dado
       *[other] { $roles } cargos 🔔 que eu tinha te dado
    }. Seu ID também foi removido de tudo o que você adicionou aqui. O que eu guardo, e por quanto tempo: { $privacy }
notify-on-done = 🔔 Você será mencionado quando **{ $name }** entrar ao vivo. `/{ -cmd-notify } { -cmd-notify-off }` desfaz isso.
notify-off-done = 🔕 Você não será mais mencionado por **{ $name }**. `/{ -cmd-notify } { -cmd-notify-on }` desfaz isso.
notify-cannot-give-roles = Não consigo dar cargos de notificação aqui. Um admin precisa me dar **Gerenciar cargos** e arrastar meu cargo para cima dos cargos de notificação dos streamers (Configurações do servidor → Cargos).
notify-too-many-roles = Este servidor chegou ao máximo de 250 cargos do Discord, então não consigo criar um cargo de notificação para **{ $name }**. Um admin pode excluir cargos que ninguém usa mais (Configurações do servidor → Cargos) e tentar de novo.
# O cargo que o bot cria para os avisos por inscrição de um streamer (no idioma do servidor).
notify-role-name = { $name } ao vivo

# /notify on|off quando o servidor menciona um cargo para todos, ou ninguém.
notify-opt-in-needs-admin = Para avisos por membro, um admin precisa ativar os avisos por inscrição (`/{ -cmd-setup } { -opt-ping }:{ choice-ping-streamer-role }`).
notify-role-held-off = Este servidor menciona <@&{ $role }> para todos quando **{ $name }** entra ao vivo, e você tem esse cargo, então não consigo desligar só o seu aviso. Você pode sair de <@&{ $role }> se o servidor deixar você escolher cargos (Canais e cargos), ou desativar as menções de cargos deste servidor (nome do servidor → Configurações de notificação → Suprimir todas as @menções de cargos).
notify-role-not-held-off = Você não será mencionado por **{ $name }**: este servidor menciona <@&{ $role }> quando a live começa, e você não tem esse cargo.
notify-role-held-on = Você já é mencionado quando **{ $name }** entra ao vivo: este servidor menciona <@&{ $role }>, e você tem esse cargo.
notify-role-not-held-on = Este servidor menciona <@&{ $role }> quando **{ $name }** entra ao vivo. Para ser mencionado, pegue esse cargo se o servidor deixar você escolher cargos (Canais e cargos), ou peça a um admin.
notify-nobody-pinged-on = Este servidor não menciona ninguém quando **{ $name }** entra ao vivo: a notificação é publicada sem menção, então não há nada para ativar.
notify-nobody-pinged-off = Este servidor não menciona ninguém quando **{ $name }** entra ao vivo: a notificação é publicada sem menção, então não há nada para desativar.
