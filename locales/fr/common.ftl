# Réponses communes à toutes les commandes.

routes-need-attention = { $count ->
    [one] ⚠️ { $count } route d'alerte de ce serveur ne publie pas : `/{ -cmd-streamers } { -cmd-streamers-list }` explique pourquoi et comment la réparer.
   *[other] ⚠️ { $count } routes d'alerte de ce serveur ne publient pas : `/{ -cmd-streamers } { -cmd-streamers-list }` explique pourquoi et comment les réparer.
}
admins-only = 🔒 Seuls les membres ayant la permission **Gérer le serveur** peuvent modifier les réglages de StreamMaxing. Demande à un admin du serveur de le faire, ou de te donner cette permission.
failed-try-again = ⚠️ Un problème est survenu de notre côté et l'action n'a pas abouti. Réessaie dans une minute.
