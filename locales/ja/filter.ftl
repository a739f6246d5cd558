# /filter と、コマンドが配信者のどの通知ルートを指すか
# （`streamer:` と `channel:`。これらを持つコマンドで共通）。

filter-unknown-category = **{ $game }** という Twitch カテゴリーが見つかりませんでした。入力中に表示される一覧から選んでください。
filter-words-none = 単語を 1 つ以上入力してください（例: `{ -opt-words }:再放送`）。
filter-words-too-many = { $count } 語が指定されています。1 つのルールに登録できるのは { $max } 語までです。
filter-word-too-long = 「{ $word }」は { $max } 文字を超えています。もっと短い単語やフレーズにしてください。
filter-title = { $streamer } のフィルター
filter-none = フィルターなし: すべての配信
filter-explained = 配信開始時と、タイトルやゲームが変わるたびに確認します。目的のゲームに切り替わった配信は、切り替わった時点で告知されます。`/{ -cmd-streamers } { -cmd-streamers-test }` で、今の配信が告知されるかどうかを確認できます。

## `streamer:` と `channel:` が指す通知ルート。
filter-not-followed = このサーバーは **{ $streamer }** をフォローしていません。`/{ -cmd-streamers } { -cmd-streamers-list }` でフォロー中の配信者を確認でき、`/{ -cmd-streamers } { -cmd-streamers-add }` で追加できます。
filter-not-in-channel = **{ $streamer }** の通知は <#{ $channel }> には投稿されていません。通知の投稿先は { $places } です。すべてを対象にするには `{ -opt-channel }:` を省略してください。
filter-place-server = <#{ $channel }>（サーバーのチャンネル）
filter-place-none = サーバーのチャンネル（まだ選ばれていません: `/{ -cmd-setup } { -opt-channel }:`）
