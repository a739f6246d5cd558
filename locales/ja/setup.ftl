# /setup: サーバーの既定の設定、ボットが投稿できるかの確認、
# Discord の設定画面と同じ権限名。

setup-choose-channel-first = まず、ライブ通知の投稿先を選んでください: `/{ -cmd-setup } { -opt-channel }:#チャンネル`。その後は、`/{ -cmd-setup }` で指定したオプションだけが変更されます。
setup-role-needed = ロールにメンションするには、`{ -opt-role }:` オプションでロールを選んでください（例: `/{ -cmd-setup } { -opt-role }:@Live`）。

## 通知を妨げる問題と、その直し方。
setup-check-failed = 今は <#{ $channel }> での権限を確認できませんでした。`/{ -cmd-streamers } { -cmd-streamers-test }` を実行して、そこに投稿できるか確認してください。
setup-check-slow = Discord から <#{ $channel }> での権限がなかなか返ってきませんでした。`/{ -cmd-streamers } { -cmd-streamers-test }` を実行して、そこに投稿できるか確認してください。
setup-missing-permissions = <#{ $channel }> で次の { $count } 件の権限がありません: { $permissions }。チャンネル設定 → 権限 を開き、StreamMaxing ロールを追加して許可してください。
setup-role-unmentionable = <@&{ $role }> はメンションできないため、通知しても誰にも届きません。サーバー設定 → ロール → { $name } で **このロールに対して@mentionを許可する** をオンにしてください（または <#{ $channel }> で私に **{ setup-perm-mention-everyone }** 権限を付与してください）。
setup-opt-in-needs-manage-roles = 登録制のメンションには、私が配信者ごとに作成して付与するロールが必要なため、**{ setup-perm-manage-roles }** 権限が必要です（サーバー設定 → ロール → StreamMaxing）。
setup-opt-in-needs-mention-all = 登録制のロールはメンバーからは@メンションできません（登録した全員に一斉メンションされるのを防ぐためです）。メンションは私が行うため、<#{ $channel }> で **{ setup-perm-mention-everyone }** 権限が必要です。この権限がないと、通知は投稿されますが誰にもメンションされません。
setup-webhooks-needed = 配信者として投稿するには、私が <#{ $channel }> に作成するウェブフックを使うため、そのチャンネルで **{ setup-perm-manage-webhooks }** 権限が必要です。権限が付与されるまで、通知は StreamMaxing として投稿されます。
setup-history-needed = Discord から投稿の応答が返ってこなかった場合、私は再投稿する前に <#{ $channel }> の最近のメッセージを読み、通知がまだ投稿されていないことを確認します。そのため **{ setup-perm-read-message-history }** 権限が必要です。この権限がないと、応答が失われたときに通知が重複することがあります。
setup-manage-messages-needed = 配信者のウェブフックが <#{ $channel }> に投稿した通知をフォロー先のサーバーへ公開するには、そのチャンネルで **{ setup-perm-manage-messages }** 権限が必要です（私自身のメッセージではないため）。この権限がないと、通知は投稿されますが公開されません。

## Discord の設定画面に表示される権限名。
setup-perm-view-channel = チャンネルを見る
setup-perm-send-messages = メッセージを送信
setup-perm-embed-links = 埋め込みリンク
setup-perm-manage-roles = ロールの管理
setup-perm-mention-everyone = @everyone、@here、全てのロールにメンション
setup-perm-manage-messages = メッセージの管理
setup-perm-manage-webhooks = ウェブフックの管理
setup-perm-read-message-history = メッセージ履歴を読む
setup-list-separator = 、
setup-list-last = { $init }、{ $last }

## 保存された設定の概要。
setup-title-ok = ✅ ライブ通知の設定が完了しました
setup-title-paused = ⏸️ 保存しました: ライブ通知は一時停止中です
setup-title-problems = ⚠️ 保存しましたが、修正が必要な点があります
setup-field-channel = チャンネル
setup-field-pings = メンション
setup-field-after-stream = 配信終了時
setup-field-publish = アナウンスチャンネルで公開
setup-field-drops = 配信の中断
setup-field-while-live = 配信中
setup-field-posted-as = 投稿者
setup-field-language = 言語
setup-field-status = 状態
setup-channel-none = なし
setup-pings-opt-in = `/{ -cmd-notify } { -cmd-notify-on }` で登録したメンバー
setup-pings-nobody = なし
setup-after-edit = メッセージを編集して配信時間を表示します
setup-after-delete = メッセージを削除します
setup-after-keep = メッセージをそのまま残します
setup-publish-yes = はい
setup-publish-no = いいえ
setup-cooldown-off = オフ: 配信を開始するたびに新しいメッセージを投稿します
setup-cooldown = { $minutes } 分以内に再開した配信は同じメッセージを使います
setup-refresh-off = オフ: 配信中のメッセージはタイトルかゲームが変わったときだけ更新されます
setup-refresh = { $minutes } 分ごとにプレビューと視聴者数を更新します
setup-posted-as-streamer = 配信者（名前とアバター）
setup-language-server = サーバーの言語（{ $language }）
setup-status-on = オン
setup-status-paused = 一時停止中（再開するには `/{ -cmd-setup } { -opt-enabled }:True`）
setup-defaults-explained = これはサーバーの既定の設定です。個別の設定がない限り、すべての配信者の通知にこの設定が使われます（`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:… { -opt-channel }:… { -opt-role }:…`）。次は `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<Twitch のユーザー名>` を実行し、続けて `/{ -cmd-streamers } { -cmd-streamers-test }` を実行してください。
