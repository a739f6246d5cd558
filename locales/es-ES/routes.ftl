# Los filtros de una ruta y por qué no se anuncia un directo.

route-filters-only = solo { $games }
route-filters-not = no { $games }
route-filters-title-has = título con { $words }
route-filters-title-without = título sin { $words }
blocked-no-category = el directo no tiene categoría y esta ruta solo anuncia ciertos juegos
blocked-not-a-wanted-game = el directo está en { $game }, que no es uno de los juegos de esta ruta
blocked-skipped-game = el directo está en { $game }, que esta ruta omite
blocked-title-lacks = el título no tiene ninguna de las palabras que exige esta ruta
blocked-title-has = el título tiene «{ $word }», que esta ruta omite
