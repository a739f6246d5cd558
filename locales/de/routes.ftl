# Die Filter einer Route und warum ein Stream nicht angekündigt wird.

route-filters-only = nur { $games }
route-filters-not = nicht { $games }
route-filters-title-has = Titel enthält { $words }
route-filters-title-without = Titel ohne { $words }
blocked-no-category = der Stream hat keine Kategorie, und diese Route kündigt nur bestimmte Spiele an
blocked-not-a-wanted-game = der Stream läuft in { $game }, keinem der Spiele dieser Route
blocked-skipped-game = der Stream läuft in { $game }, das diese Route überspringt
blocked-title-lacks = der Titel enthält keines der Pflichtwörter dieser Route
blocked-title-has = der Titel enthält „{ $word }“, das diese Route überspringt
