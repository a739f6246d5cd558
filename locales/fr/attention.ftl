# Pourquoi une route ne publie plus, et la commande qui le corrige.

attention-test-route = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login } { -opt-channel }:#…`
attention-test-server = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login }`
attention-route-channel-deleted = Le salon d'alertes <#{ $channel }> de { $name } a été supprimé. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…` déplace cette route vers un autre salon.
attention-server-channel-deleted = Le salon d'alertes <#{ $channel }> du serveur a été supprimé, donc les alertes de { $name } se sont arrêtées. Choisis-en un autre avec `/{ -cmd-setup } { -opt-channel }:#…`.
attention-webhook-deleted = Le webhook par lequel passaient les alertes de { $name } a été supprimé. Lance { $test }.
attention-missing-permissions = Je ne peux pas publier les alertes de { $name } dans <#{ $channel }> : donne au rôle StreamMaxing **Voir le salon**, **Envoyer des messages** et **Intégrer des liens** dans ce salon, puis lance { $test }.
attention-no-channel = Aucun salon d'alertes pour { $name } : choisis celui du serveur avec `/{ -cmd-setup } { -opt-channel }:#…` (ou donne à ce streamer son propre salon avec `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…`).
