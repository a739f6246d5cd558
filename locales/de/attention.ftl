# Warum eine Route nicht mehr postet und der Befehl, der es behebt.

attention-test-route = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login } { -opt-channel }:#…`
attention-test-server = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login }`
attention-route-channel-deleted = Der Benachrichtigungskanal <#{ $channel }> von { $name } wurde gelöscht. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…` verlegt diese Route in einen anderen Kanal.
attention-server-channel-deleted = Der Benachrichtigungskanal <#{ $channel }> des Servers wurde gelöscht, deshalb kommen keine Benachrichtigungen für { $name } mehr. Wähle einen anderen mit `/{ -cmd-setup } { -opt-channel }:#…`.
attention-webhook-deleted = Der Webhook, über den die Benachrichtigungen für { $name } liefen, wurde gelöscht. Führe { $test } aus.
attention-missing-permissions = Ich kann die Benachrichtigungen für { $name } nicht in <#{ $channel }> posten: Gib der Rolle StreamMaxing dort **Kanal ansehen**, **Nachrichten senden** und **Links einbetten** und führe dann { $test } aus.
attention-no-channel = Kein Benachrichtigungskanal für { $name }: Wähle den des Servers mit `/{ -cmd-setup } { -opt-channel }:#…` (oder gib diesem Streamer einen eigenen mit `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…`).
