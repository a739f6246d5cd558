# すべてのコマンドで共通の返信。

routes-need-attention = ⚠️ このサーバーの通知ルートのうち { $count } 件が投稿できていません。`/{ -cmd-streamers } { -cmd-streamers-list }` で原因と直し方を確認できます。
admins-only = 🔒 StreamMaxing の設定を変更できるのは **サーバー管理** 権限を持つメンバーだけです。サーバー管理者に実行してもらうか、その権限を付与してもらってください。
failed-try-again = ⚠️ こちら側で問題が起きたため、完了しませんでした。1 分後にもう一度お試しください。
