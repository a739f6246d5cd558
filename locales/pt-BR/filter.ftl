# /filter, e quais rotas de um streamer um comando indica (`streamer:` e
# `channel:`, comuns aos comandos que os têm).

filter-unknown-category = Não encontrei nenhuma categoria da Twitch chamada **{ $game }**. Escolha uma da lista enquanto digita.
filter-words-none = Digite pelo menos uma palavra, por exemplo `{ -opt-words }:reprise`.
filter-words-too-many = São { $count } palavras; cada regra aceita no máximo { $max }.
filter-word-too-long = “{ $word }” tem mais de { $max } caracteres; use uma palavra ou frase mais curta.
filter-title = Filtros de { $streamer }
filter-none = sem filtros: todas as lives
filter-explained = Verificado quando a live começa e de novo sempre que o título ou o jogo muda: uma live que troca para um jogo desejado é anunciada na troca. `/{ -cmd-streamers } { -cmd-streamers-test }` mostra se a live atual seria anunciada.

## Quais rotas `streamer:` e `channel:` indicam.
filter-not-followed = Este servidor não segue **{ $streamer }**. `/{ -cmd-streamers } { -cmd-streamers-list }` mostra quem ele segue; `/{ -cmd-streamers } { -cmd-streamers-add }` adiciona alguém.
filter-not-in-channel = **{ $streamer }** não tem alertas em <#{ $channel }>. Os alertas vão para { $places }. Deixe `{ -opt-channel }:` de fora para se referir a todos.
filter-place-server = <#{ $channel }> (o canal do servidor)
filter-place-none = o canal do servidor (nenhum escolhido ainda: `/{ -cmd-setup } { -opt-channel }:`)
