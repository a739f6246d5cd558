# Les filtres d'une route, et pourquoi un stream n'est pas annoncé.

route-filters-only = seulement { $games }
route-filters-not = pas { $games }
route-filters-title-has = titre avec { $words }
route-filters-title-without = titre sans { $words }
blocked-no-category = le stream n'a pas de catégorie, et cette route n'annonce que certains jeux
blocked-not-a-wanted-game = le stream est sur { $game }, qui ne fait pas partie des jeux de cette route
blocked-skipped-game = le stream est sur { $game }, que cette route ignore
blocked-title-lacks = le titre ne contient aucun des mots requis par cette route
blocked-title-has = le titre contient « { $word } », que cette route ignore
