# すべてのコマンドで共通の返信。

routes-need-attention = ⚠️ このサーバーの通知ルートのうち { $count } 件が投稿できていません。`/{ -cmd-streamers } { -cmd-streamers-list }` で原因と直し方を確認できます。
admins-only = 🔒 StreamMaxing の設定を変更できるのは **サーバー管理** 権限を持つメンバーだけです。サーバー管理者に実行してもらうか、その権限を付与してもらってください。
failed-try-again = ⚠️ こちら側で問題が起きたため、完了しませんでした。1 分後にもう一度お試しください。

# すべてのインタラクションが通る共通処理。

common-server-only = StreamMaxing はサーバー内で動作します。StreamMaxing が追加されたサーバーのチャンネルでコマンドを使ってください。
common-unknown-interaction = StreamMaxing はこの種類のインタラクションには対応していません。
common-failed-nothing-changed = ⚠️ こちら側で問題が起きたため、何も変更されていません。1 分後にもう一度お試しください。繰り返し起きる場合は、ボットの運営者がログで詳細を確認できます。
common-unreadable-options = このコマンドのオプションを読み取れませんでした。Discord がまだ古いバージョンを表示しているのかもしれません。1 分後にもう一度お試しください。
common-unknown-command = StreamMaxing はコマンド `/{ $command }` をもう扱っていません。サーバーのコマンド一覧はまもなく更新されます。
common-button-without-data = このボタンにはデータが含まれていませんでした。
common-button-outdated = このボタンは古いバージョンの StreamMaxing のもので、現在は何も動作しません。
