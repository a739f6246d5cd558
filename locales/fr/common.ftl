# Réponses communes à toutes les commandes.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } route d'alerte de ce serveur ne publie pas : `/{ -cmd-streamers } { -cmd-streamers-list }` explique pourquoi et comment la réparer.
   *[other] ⚠️ { $count } routes d'alerte de ce serveur ne publient pas : `/{ -cmd-streamers } { -cmd-streamers-list }` explique pourquoi et comment les réparer.
}
admins-only = 🔒 Seuls les membres ayant la permission **Gérer le serveur** peuvent modifier les réglages de StreamMaxing. Demande à un admin du serveur de le faire, ou de te donner cette permission.
failed-try-again = ⚠️ Un problème est survenu de notre côté et l'action n'a pas abouti. Réessaie dans une minute.

# Ce par quoi passe chaque interaction.

common-server-only = StreamMaxing fonctionne sur un serveur : utilise ses commandes dans un salon d'un serveur où il a été ajouté.
common-unknown-interaction = StreamMaxing ne gère pas ce type d'interaction.
common-failed-nothing-changed = ⚠️ Un problème est survenu de notre côté et rien n'a été modifié. Réessaie dans une minute ; si ça continue, l'opérateur du bot trouvera les détails dans ses logs.
common-unreadable-options = Je n'ai pas pu lire les options de cette commande ; Discord en affiche peut-être encore une ancienne version. Réessaie dans une minute.
common-unknown-command = StreamMaxing ne connaît plus la commande `/{ $command }`. La liste des commandes du serveur va bientôt se mettre à jour.
common-button-without-data = Ce bouton est arrivé sans aucune donnée.
common-button-outdated = Ce bouton vient d'une ancienne version de StreamMaxing et ne fait plus rien.
