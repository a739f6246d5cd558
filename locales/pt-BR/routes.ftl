# Os filtros de uma rota e por que uma live não é anunciada.

route-filters-only = só { $games }
route-filters-not = sem { $games }
route-filters-title-has = título com { $words }
route-filters-title-without = título sem { $words }
blocked-no-category = a live não tem categoria, e esta rota só anuncia certos jogos
blocked-not-a-wanted-game = a live está em { $game }, que não é um dos jogos desta rota
blocked-skipped-game = a live está em { $game }, que esta rota ignora
blocked-title-lacks = o título não tem nenhuma das palavras exigidas por esta rota
blocked-title-has = o título tem “{ $word }”, que esta rota ignora
