# /streamers add|remove|list|test|link、まとめて追加、チーム、
# login: の入力補完。

## /streamers add

streamers-no-twitch = この StreamMaxing はまだ Twitch に接続できません。運営者が TWITCH_CLIENT_ID、TWITCH_CLIENT_SECRET、TWITCH_EVENTSUB_SECRET を設定する必要があります。
streamers-role-missing = このルートでロールをメンションするには、`{ -opt-role }:` でロールを選んでください（例: `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:shroud { -opt-role }:@Live`）。
streamers-login-or-team = 配信者（`{ -opt-login }:`）かチーム（`{ -opt-team }:`）のどちらか一方を指定してください。両方同時には指定できません。
streamers-name-someone = `{ -opt-login }:` で配信者を指定する（入力すると Twitch を検索します。複数ならカンマ区切り）か、`{ -opt-team }:` で Twitch チームを指定してください。
streamers-name-login = `{ -opt-login }:` で配信者を指定してください。チャンネルのアドレス twitch.tv/**name** の名前の部分です。
streamers-too-many = 名前が { $count } 件あります。一度に追加できるのは { $max } 件までです。リストを 2 つに分けてください。
streamers-not-found = **{ $login }** という Twitch アカウントが見つかりませんでした。つづりを確認してください。twitch.tv/**name** の名前の部分です。
streamers-route-vanished = 追加している間にそのルートが削除されました。もう一度コマンドを実行してください。
streamers-title-following = { $name } のフォローを開始しました
streamers-title-another-channel = { $name } のチャンネルを追加しました
streamers-title-already = { $name } はすでにフォロー中です
streamers-title-updated = { $name } の通知を更新しました
streamers-title-moved = { $name } の通知を移動しました
streamers-live-now = 🔴 いま配信中です。現在の配信をメンションなしで投稿しました。
streamers-moved-note = 削除されたチャンネル <#{ $channel }> に投稿していたルートは、メンション・テンプレート・フィルターはそのままで、今後はここに投稿します。
streamers-other-routes = このサーバーには、ほかに { $count } 件の通知ルートがあります。`/{ -cmd-streamers } { -cmd-streamers-list }` ですべて確認できます。
streamers-field-posts-in = 投稿先
streamers-field-pings = メンション
streamers-field-filters = フィルター
streamers-field-status = 状態
streamers-no-filters = なし: すべての配信（`/{ -cmd-filter }` で追加できます）
streamers-paused-status = ⏸️ 一時停止中（`{ -opt-enabled }:True` で再開）
streamers-budget-full = ⚠️ **{ $name }** はまだフォローできません。この StreamMaxing の Twitch ライブ通知枠がいっぱいです。{ $how }
streamers-budget-full-numbers = ⚠️ **{ $name }** はまだフォローできません。この StreamMaxing の Twitch ライブ通知枠がいっぱいです（{ $max } 件中 { $used } 件使用中、フォローにはあと { $needed } 件必要です）。{ $how }
streamers-how-to-free-room = Twitch アカウントを連携した配信者は枠に数えられません。`/{ -cmd-streamers } { -cmd-streamers-link }` を実行して、連携ページを配信者に送ってください。不要になった配信者を削除する（`/{ -cmd-streamers } { -cmd-streamers-remove }`）ことでも枠が空きます。
streamers-alerts-active = ✅ 配信が始まるとすぐに Twitch から通知が届きます。
streamers-alerts-wait = ⚠️ この StreamMaxing の Twitch サブスクリプション枠がいっぱいのため、通知は枠が空くまで待機します。{ $how }
streamers-alerts-retrying = ⚠️ Twitch がライブ通知のサブスクリプションをまだ受け付けていません（{ $why }）。1 分ごとに再試行します。
streamers-pings-opted-in = 通知を希望したメンバー（`/{ -cmd-notify } { -cmd-notify-on }`）
streamers-pings-role-unset = なし（ロールが未設定です: `/{ -cmd-setup } { -opt-role }:`）
streamers-pings-nobody = なし

## 複数の名前やチームでの /streamers add

streamers-did-you-mean = { $login }（もしかして **{ $guess }**？）
streamers-many-title = { $total } 人中 { $added } 人の配信者を追加しました
streamers-team-not-found = **{ $name }** という Twitch チームが見つかりませんでした。チームのアドレス twitch.tv/team/**name** の名前の部分です。
streamers-team-empty = チーム **{ $name }** にはまだメンバーがいないため、フォローする相手がいません。
streamers-team-roster-note = チームのメンバー一覧を { $hours } 時間ごとに確認します。加入したメンバーはフォローし、脱退したメンバーはフォローを解除します（名前で追加したメンバーは除きます）。最新の変更は `/{ -cmd-streamers } { -cmd-streamers-list }` で確認できます。
streamers-team-title = チーム { $name } のフォローを開始しました
streamers-many-live = 🔴 そのうち { $count } 人がいま配信中です。現在の配信をメンションなしで投稿しました。
streamers-group-added = ✅ 追加済み
streamers-group-already = フォロー済み
streamers-group-not-found = ❓ Twitch で見つかりません
streamers-group-invalid = ⚠️ Twitch の名前ではありません
streamers-group-no-room = ⛔ Twitch のサブスクリプション枠に空きがありません
streamers-group-waiting = ⏳ フォロー中ですが、Twitch のライブ通知は待機中です

## /streamers remove

streamers-remove-whom = 削除する配信者（`{ -opt-streamer }:`）またはフォロー中のチーム（`{ -opt-team }:`）を指定してください。
streamers-unfollowed = **{ $name }** のフォローを解除しました。このサーバーへの通知はもう届きません。
streamers-unfollowed-role-deleted = **{ $name }** のフォローを解除しました。このサーバーへの通知はもう届きません。この配信者用に作成した 🔔 ロールは削除しました。
streamers-stopped-routes = { $places } での **{ $name }** の通知を停止しました。このサーバーのほかの通知は引き続き届きます（`/{ -cmd-streamers } { -cmd-streamers-list }`）。
streamers-team-not-followed = このサーバーは **{ $name }** というチームをフォローしていません。フォロー中のチームは `/{ -cmd-streamers } { -cmd-streamers-list }` で確認できます。
streamers-team-stopped-none = チーム **{ $team }** のフォローを解除しました。このチーム経由で追加された配信者で、解除が必要な人は残っていませんでした。
streamers-team-stopped = チーム **{ $team }** のフォローを解除しました。このチーム経由で追加された配信者 { $count } 人（{ $names }）の通知は届かなくなります。名前で追加した配信者はそのまま残ります。

## /streamers list

streamers-list-no-channel = ⚠️ サーバーのチャンネルがまだ選ばれていません。`/{ -cmd-setup } { -opt-channel }:#チャンネル` を実行してください。
streamers-list-paused = ⏸️ このサーバーでは通知が一時停止中です（`/{ -cmd-setup } { -opt-enabled }:True`）。
streamers-list-empty = このサーバーはまだ誰もフォローしていません。`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<Twitch の名前>` で配信者を追加してください。
streamers-list-title = 配信者 { $streamers } 人をフォロー中 · 通知ルート { $routes } 件
streamers-list-title-attention = 配信者 { $streamers } 人をフォロー中 · 通知ルート { $routes } 件 · ⚠️ 要対応 { $attention } 件
streamers-list-page = { $page } / { $count } ページ
streamers-list-previous = ◀ 前へ
streamers-list-next = 次へ ▶
streamers-team-line = 👥 チーム **{ $name }**（`{ $slug }`）: このチーム経由で { $count } 人をフォロー中、メンバー一覧の確認 <t:{ $checked }:R>
streamers-team-latest-change = 最新の変更 <t:{ $at }:R>: { $change }
streamers-team-joined = 加入: { $names }
streamers-team-left = 脱退: { $names }
streamers-team-gone = このチームは Twitch 上に存在しなくなりました。所属していた配信者のフォローは続きます
streamers-live-game = 🔴 配信中: { $game }
streamers-live = 🔴 配信中
streamers-offline = ⚫ オフライン
streamers-linked = ✔️ 連携済み
streamers-health-user-removed = ⚠️ この Twitch アカウントは削除または BAN されています。`/{ -cmd-streamers } { -cmd-streamers-remove }` で削除してください
streamers-health-active = ✅ 通知は有効です
streamers-health-confirming = ⏳ Twitch が通知を確認中です
streamers-health-waiting = ⚠️ 通知は Twitch のサブスクリプション枠が空くのを待っています。アカウントを連携した配信者（`/{ -cmd-streamers } { -cmd-streamers-link }`）は数えられず、`/{ -cmd-streamers } { -cmd-streamers-remove }` でも枠が空きます
streamers-health-retrying = ⚠️ 通知はまだ有効になっていません。1 分ごとに再試行します（運営者は `streammaxing eventsub sync` を実行できます）
streamers-route-line = → { $place } · メンション: { $whom }
streamers-route-own-template = 個別テンプレート
streamers-route-paused = ⏸️ 一時停止中
streamers-route-last-posted = 最終投稿 <t:{ $at }:R>
streamers-route-never-posted = まだ投稿なし
streamers-route-not-posting = ⚠️ **投稿できていません**（{ $code }）: { $detail }

## /streamers test

streamers-test-more = …ほかに { $count } 件のルートがあります。`{ -opt-channel }:` で 1 件ずつテストしてください。
streamers-test-no-channel = 投稿先のチャンネルがまだありません。`/{ -cmd-setup } { -opt-channel }:#チャンネル` で選んでください。
# チャンネルに投稿するサンプル通知の見出し（サーバーの言語）。
streamers-test-header = 🧪 **テスト通知**（誰にもメンションしていません）
streamers-test-posted = ✅ **{ $name }** のテスト通知を { $channel } に投稿しました: { $link } 誰にもメンションしていません。
streamers-test-resumed = このルートは以前の失敗で停止していましたが、再開しました。
streamers-filters-none = このルートにはフィルターがありません。すべての配信が通知されます。
streamers-filters-pass-live = 🟢 フィルター: 現在の配信は通知されます。
streamers-filters-pass-offline = 🟢 フィルター: 現在のタイトルとカテゴリーの配信なら通知されます。
streamers-filters-block-live = 🟡 フィルター: 現在の配信は通知**されません**: { $why }。
streamers-filters-block-offline = 🟡 フィルター: 現在のタイトルとカテゴリーの配信は通知**されません**: { $why }。
streamers-post-not-allowed = ❌ { $channel } に投稿できません。そのチャンネルでの権限が足りません。チャンネルの設定で StreamMaxing のロールに **チャンネルを見る**、**メッセージを送信**、**埋め込みリンク** を許可してから、もう一度お試しください。
streamers-post-unknown-channel = ❌ チャンネル { $channel } はもう存在しません。`/{ -cmd-setup } { -opt-channel }:` で新しいチャンネルを選んでください（この配信者専用のチャンネルなら `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-channel }:`）。
streamers-post-refused = ❌ Discord がメッセージを拒否しました（エラー { $code }）。`/{ -cmd-template } { -cmd-template-preview }` でテンプレートを確認してください。

## /streamers link

streamers-link-unavailable = この StreamMaxing では連携ページを利用できません。運営者が APP_SECRET を設定する必要があります。
streamers-link-button = 連携ページを開く
streamers-link-text = このリンクを配信者に送ってください。配信者がリンク先で Twitch アカウントを連携すると、このサーバーがその配信者をフォローし、認証済みとして表示され、通知が Twitch のサブスクリプション上限に数えられなくなります。リンクは 1 回だけ使え、<t:{ $expires }:R>に期限切れになります。

## login: の入力補完

streamers-choice-live = 🔴 { $name } · 配信中
streamers-choice-followed = このサーバーでフォロー中
streamers-not-a-login = 「{ $typed }」は Twitch のユーザー名ではありません。チャンネルのアドレス twitch.tv/**name** の名前を使ってください（英数字とアンダースコア、25 文字まで）。
