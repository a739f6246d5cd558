# /filter, et quelles routes d'un streamer une commande désigne
# (`streamer:` et `channel:`, communs aux commandes qui les proposent).

filter-unknown-category = Je n'ai trouvé aucune catégorie Twitch appelée **{ $game }**. Choisis-en une dans la liste pendant que tu tapes.
filter-words-none = Tape au moins un mot, par exemple `{ -opt-words }:rediff`.
filter-words-too-many = Ça fait { $count } mots ; une règle en garde { $max } au maximum.
filter-word-too-long = « { $word } » dépasse { $max } caractères ; utilise un mot ou une expression plus court.
filter-title = Filtres pour { $streamer }
filter-none = aucun filtre : chaque stream
filter-explained = Vérifié au début du live, puis à chaque changement de titre ou de jeu : un stream qui passe à un jeu voulu est annoncé au moment du changement. `/{ -cmd-streamers } { -cmd-streamers-test }` indique si son stream actuel serait annoncé.

## Quelles routes `streamer:` et `channel:` désignent.
filter-not-followed = Ce serveur ne suit pas **{ $streamer }**. `/{ -cmd-streamers } { -cmd-streamers-list }` montre qui il suit ; `/{ -cmd-streamers } { -cmd-streamers-add }` ajoute quelqu'un.
filter-not-in-channel = **{ $streamer }** n'a aucune alerte dans <#{ $channel }>. Ses alertes vont dans { $places }. Retire `{ -opt-channel }:` pour les désigner toutes.
filter-place-server = <#{ $channel }> (le salon du serveur)
filter-place-none = le salon du serveur (aucun choisi pour l'instant : `/{ -cmd-setup } { -opt-channel }:`)
