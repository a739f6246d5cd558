# サーバーの言語で表示される通知の文言。

alert-default-description = **{ $streamer }** さんが Twitch で配信中です！ { $started } に開始しました。
alert-field-game = ゲーム
alert-field-viewers = 視聴者数
alert-watch = 配信を見る
alert-notify-me = 通知を受け取る
alert-ended = ⚫ **{ $streamer }** さんの配信は { $lasted } でした。
alert-watch-vod = アーカイブを見る
alert-now-playing = 🎮 **{ $game }** をプレイ中
alert-title-changed = ✏️ 配信タイトルが変わりました
alert-minutes = { $minutes }分
alert-hours = { $hours }時間
alert-hours-minutes = { $hours }時間{ $minutes }分
