# A route's filters as admins read them, and why a stream is not announced.

route-filters-only = only { $games }
route-filters-not = not { $games }
route-filters-title-has = title has { $words }
route-filters-title-without = title without { $words }
blocked-no-category = the stream has no category, and this route only announces certain games
blocked-not-a-wanted-game = the stream is in { $game }, not one of this route's games
blocked-skipped-game = the stream is in { $game }, which this route skips
blocked-title-lacks = the title has none of this route's required words
blocked-title-has = the title has “{ $word }”, which this route skips
