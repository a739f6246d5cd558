# /template edit|preview|reset：通知の見た目。

# フォーム（タイトルは 45 文字以内、各ラベルも 45 文字以内、プレースホルダーは 100 文字以内）。
template-form-server = 通知テンプレートを編集
template-form-streamer = この配信者のテンプレートを編集
template-form-route = このルートのテンプレートを編集
template-field-content = メッセージ本文（カードの上）
template-field-title = カードのタイトル
template-field-description = カードの本文
template-field-color = カードの色（16 進数、例：#9146FF）
template-field-footer = フッター
template-field-placeholder = { $example } や { $other } などの変数は自動で埋め込まれます

template-form-empty = フォームが空のまま届きました。もう一度開いてください。
template-form-outdated = このフォームは古いバージョンの StreamMaxing のものです。もう一度コマンドを実行してください。
template-route-gone = このサーバーは、そのチャンネルではもうその配信者をフォローしていません。
template-saved = ✅ 保存しました。実際の表示はこうなります
template-not-saved = ❌ 保存されませんでした。テンプレートに問題があります。
template-fix-it = 修正する
template-fix-it-hint = 「修正する」を押すと、入力した内容でフォームが再び開きます。
template-more-problems = • …ほか { $count } 件
template-bad-color = • **色**：「{ $value }」は #9146FF のような 16 進数の色ではありません。
template-draft-expired = この下書きは期限切れです。もう一度 `/{ -cmd-template } { -cmd-template-edit }` を実行してください。

template-preview = プレビュー
template-preview-heading = **{ $heading }**（サンプル配信。ここでは誰もメンションしません）
template-open-editor = Web エディターを開く
template-reset-streamer = ↩️ **{ $name }** はサーバーのテンプレートを使うようになりました。`/{ -cmd-template } { -cmd-template-preview }` で確認できます。
template-reset-server = ↩️ サーバーはデフォルトのテンプレートに戻りました。`/{ -cmd-template } { -cmd-template-preview }` で確認できます。
