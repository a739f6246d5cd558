# ルートのフィルターと、配信が通知されない理由。

route-filters-only = { $games } のみ
route-filters-not = { $games } を除く
route-filters-title-has = タイトルに { $words } を含む
route-filters-title-without = タイトルに { $words } を含まない
blocked-no-category = 配信にカテゴリーがなく、このルートは特定のゲームだけを通知します
blocked-not-a-wanted-game = 配信は { $game } で、このルートの対象ゲームではありません
blocked-skipped-game = 配信は { $game } で、このルートでは除外されています
blocked-title-lacks = タイトルにこのルートの必須キーワードが含まれていません
blocked-title-has = タイトルに「{ $word }」が含まれており、このルートでは除外されています
