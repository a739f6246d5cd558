# The slash commands as Discord shows them: names (terms, so replies can
# name a command as the member sees it: `/{ -cmd-notify } { -cmd-notify-on }`),
# descriptions (at most 100 characters) and choices.
# Names: lowercase, no spaces, at most 32 characters, unique among siblings.

## Command and subcommand names.
-cmd-filter = フィルター
-cmd-filter-game = ゲーム
-cmd-filter-title = タイトル
-cmd-filter-clear = クリア
-cmd-notify = 通知
-cmd-notify-on = オン
-cmd-notify-off = オフ
-cmd-notify-list = 一覧
-cmd-notify-forget = データ削除
-cmd-setup = 設定
-cmd-streamers = 配信者
-cmd-streamers-add = 追加
-cmd-streamers-remove = 削除
-cmd-streamers-list = 一覧
-cmd-streamers-test = テスト
-cmd-streamers-link = 連携リンク
-cmd-template = テンプレート
-cmd-template-edit = 編集
-cmd-template-preview = プレビュー
-cmd-template-reset = リセット

## Option names.
-opt-streamer = 配信者
-opt-channel = チャンネル
-opt-game = ゲーム
-opt-rule = ルール
-opt-words = キーワード
-opt-role = ロール
-opt-ping = メンション
-opt-enabled = 有効
-opt-after-stream = 配信終了後
-opt-publish = 公開
-opt-cooldown = クールダウン
-opt-refresh = 更新間隔
-opt-post-as = 投稿者
-opt-language = 言語
-opt-login = ユーザー名
-opt-team = チーム

cmd-filter-name = { -cmd-filter }
cmd-filter-game-name = { -cmd-filter-game }
cmd-filter-title-name = { -cmd-filter-title }
cmd-filter-clear-name = { -cmd-filter-clear }
cmd-notify-name = { -cmd-notify }
cmd-notify-on-name = { -cmd-notify-on }
cmd-notify-off-name = { -cmd-notify-off }
cmd-notify-list-name = { -cmd-notify-list }
cmd-notify-forget-name = { -cmd-notify-forget }
cmd-setup-name = { -cmd-setup }
cmd-streamers-name = { -cmd-streamers }
cmd-streamers-add-name = { -cmd-streamers-add }
cmd-streamers-remove-name = { -cmd-streamers-remove }
cmd-streamers-list-name = { -cmd-streamers-list }
cmd-streamers-test-name = { -cmd-streamers-test }
cmd-streamers-link-name = { -cmd-streamers-link }
cmd-template-name = { -cmd-template }
cmd-template-edit-name = { -cmd-template-edit }
cmd-template-preview-name = { -cmd-template-preview }
cmd-template-reset-name = { -cmd-template-reset }

opt-streamer-name = { -opt-streamer }
opt-channel-name = { -opt-channel }
opt-game-name = { -opt-game }
opt-rule-name = { -opt-rule }
opt-words-name = { -opt-words }
opt-role-name = { -opt-role }
opt-ping-name = { -opt-ping }
opt-enabled-name = { -opt-enabled }
opt-after-stream-name = { -opt-after-stream }
opt-publish-name = { -opt-publish }
opt-cooldown-name = { -opt-cooldown }
opt-refresh-name = { -opt-refresh }
opt-post-as-name = { -opt-post-as }
opt-language-name = { -opt-language }
opt-login-name = { -opt-login }
opt-team-name = { -opt-team }

## Descriptions.
cmd-filter-desc = 配信者の配信のうち一部だけを告知します（ゲームやタイトルの単語で絞り込み）
cmd-filter-game-desc = 特定のゲームだけを告知する・告知しないを決めるか、そのルールを外します
cmd-filter-title-desc = 配信タイトルの単語で告知を絞り込みます（単語単位、大文字・小文字は区別しません）
cmd-filter-clear-desc = すべてのフィルターを外し、配信者の配信をすべて告知します
cmd-notify-desc = どの配信者の配信開始でメンションを受け取るかを選びます
cmd-notify-on-desc = この配信者が配信を始めたらメンションを受け取ります
cmd-notify-off-desc = この配信者の配信開始時のメンションを止めます
cmd-notify-list-desc = メンションを受け取っている配信者を表示します
cmd-notify-forget-desc = このサーバーでボットが保存しているあなたのデータを消去し、🔔 ロールを外します
cmd-setup-desc = 配信通知の投稿先とメンション先を選びます
cmd-streamers-desc = このサーバーで配信通知を受け取る Twitch 配信者を管理します
cmd-streamers-add-desc = チャンネルで配信者をフォローします（別のチャンネルでもう一度実行すると 2 つ目のルートになります）
cmd-streamers-remove-desc = 配信者の通知を止めます（1 つのチャンネルだけ、またはすべて）
cmd-streamers-list-desc = このサーバーのすべての配信者と通知ルート、それぞれの状態を表示します
cmd-streamers-test-desc = サンプル通知を今すぐ投稿して（誰にもメンションしません）動作を確認します
cmd-streamers-link-desc = 配信者が Twitch アカウントを連携するためのリンクを取得します
cmd-template-desc = 配信通知の見た目をカスタマイズします
cmd-template-edit-desc = 通知テンプレートを編集します（サーバー全体、または配信者ごと）
cmd-template-preview-desc = 実際に投稿されるとおりに通知を表示します
cmd-template-reset-desc = 既定のテンプレートに戻します

opt-streamer-desc = 配信者（Twitch の名前）
opt-route-channel-desc = このチャンネルでの通知だけ（既定: すべて）
opt-filter-game-desc = Twitch での表記どおりのゲーム名またはカテゴリ名
opt-filter-game-rule-desc = このゲームをどう扱うか
opt-filter-words-desc = 単語やフレーズを半角カンマ区切りで（例: "再放送, 作業配信"）
opt-filter-title-rule-desc = これらの単語をどう扱うか
opt-setup-channel-desc = 配信通知を投稿するチャンネル（初回は必須、以降は変更するときだけ）
opt-setup-role-desc = 配信開始時にメンションするロール
opt-setup-ping-desc = メンションする相手（既定: ロールを選んだ場合はそのロール、選ばない場合は誰にもしません）
opt-setup-enabled-desc = このサーバーの配信通知をオン・オフします
opt-setup-after-stream-desc = 配信終了時のメッセージの扱い（既定: 編集する）
opt-setup-publish-desc = アナウンスチャンネルで、フォローしているサーバーに通知を公開します（既定: オン）
opt-setup-cooldown-desc = 配信が途切れて再開したときにメッセージを使い回す時間（分、既定 10、0 = オフ）
opt-setup-refresh-desc = 配信中メッセージのプレビューと視聴者数を更新する間隔（分、既定 10、0 = オフ）
opt-setup-post-as-desc = ボットとして投稿するか、配信者として投稿するか（名前とアイコンで、チャンネルの Webhook 経由）
opt-setup-language-desc = 通知と既定テンプレートの言語（既定: サーバーの言語）
opt-add-login-desc = Twitch のユーザー名（twitch.tv/<名前>）。入力で検索、複数なら半角スペースかカンマで区切ります
opt-add-channel-desc = 通知の投稿先（既定: /設定 のチャンネル）。別のチャンネルを指定するとルートが増えます
opt-add-ping-desc = このルートのメンション先（既定: /設定 のとおり）
opt-add-role-desc = このルートでメンションするロール
opt-add-enabled-desc = このルートをオン・オフします
opt-add-team-desc = Twitch チーム（twitch.tv/team/<名前>）。全メンバーをフォローし、メンバーの増減にも追従します
opt-remove-team-desc = フォロー中の Twitch チーム。チームと、そのチームで追加されたメンバーのフォローをやめます
opt-test-channel-desc = このチャンネルのルートだけ（既定: すべてのルート）
opt-template-streamer-desc = この配信者だけ（空欄ならサーバー全体）
opt-template-channel-desc = 配信者を指定したとき: このチャンネルでの通知だけ
opt-preview-streamer-desc = この配信者の通知をプレビュー（既定: サーバーのテンプレート）

## Choices (at most 100 characters).
choice-filter-game-only = このゲームの配信だけを告知する
choice-filter-game-skip = このゲームの配信は告知しない
choice-filter-game-remove = このゲームのルールを外す
choice-filter-title-has = どれかを含むタイトルだけを告知する
choice-filter-title-skip = どれかを含むタイトルは告知しない
choice-filter-title-remove = これらの単語のルールを外す
choice-ping-server = サーバーの /設定 のとおり
choice-ping-none = 誰にもしない
choice-ping-role = 選んだロール
choice-ping-streamer-role = /通知 で配信者ごとに登録したメンバー
choice-after-stream-edit = 配信時間がわかるように編集する
choice-after-stream-delete = 削除する
choice-after-stream-keep = そのまま残す
choice-post-as-bot = ボット（StreamMaxing）
choice-post-as-streamer = 配信者（名前とアイコンで。ボットが作成する Webhook 経由）
choice-language-server = サーバーの言語（Discord の設定どおり）
