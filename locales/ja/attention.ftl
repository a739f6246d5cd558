# ルートが投稿できなくなった理由と、それを直すコマンド。

attention-test-route = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login } { -opt-channel }:#…`
attention-test-server = `/{ -cmd-streamers } { -cmd-streamers-test } { -opt-streamer }:{ $login }`
attention-route-channel-deleted = { $name } さんの通知チャンネル <#{ $channel }> が削除されました。`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…` でこのルートを別のチャンネルに移せます。
attention-server-channel-deleted = サーバーの通知チャンネル <#{ $channel }> が削除されたため、{ $name } さんの通知が止まっています。`/{ -cmd-setup } { -opt-channel }:#…` で別のチャンネルを選んでください。
attention-webhook-deleted = { $name } さんの通知に使っていたウェブフックが削除されました。{ $test } を実行してください。
attention-missing-permissions = <#{ $channel }> に { $name } さんの通知を投稿できません。そのチャンネルで StreamMaxing ロールに **チャンネルを見る**、**メッセージを送信**、**埋め込みリンク** を許可してから、{ $test } を実行してください。
attention-no-channel = { $name } さんの通知チャンネルがありません。`/{ -cmd-setup } { -opt-channel }:#…` でサーバーのチャンネルを選ぶか、`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:{ $login } { -opt-channel }:#…` でこの配信者専用のチャンネルを設定してください。
