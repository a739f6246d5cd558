# /streamers add|remove|list|test|link, l'ajout de plusieurs streamers à la
# fois, les équipes, et l'autocomplétion de login:.

## /streamers add

streamers-no-twitch = Ce StreamMaxing ne peut pas encore joindre Twitch : son opérateur doit définir TWITCH_CLIENT_ID, TWITCH_CLIENT_SECRET et TWITCH_EVENTSUB_SECRET.
streamers-role-missing = Pour mentionner un rôle sur cette route, choisis-le avec `{ -opt-role }:`, par ex. `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:shroud { -opt-role }:@Live`.
streamers-login-or-team = Indique des streamers (`{ -opt-login }:`) ou une équipe (`{ -opt-team }:`), pas les deux à la fois.
streamers-name-someone = Indique un streamer avec `{ -opt-login }:` (tape pour chercher sur Twitch ; plusieurs séparés par des virgules) ou une équipe Twitch avec `{ -opt-team }:`.
streamers-name-login = Indique un streamer avec `{ -opt-login }:` : le nom dans l'adresse de sa chaîne, twitch.tv/**nom**.
streamers-too-many = Ça fait { $count } noms ; je peux en ajouter { $max } au maximum à la fois. Coupe la liste en deux.
streamers-not-found = Je n'ai trouvé aucun compte Twitch nommé **{ $login }**. Vérifie l'orthographe : c'est le nom dans twitch.tv/**nom**.
streamers-route-vanished = Cette route a été supprimée pendant que je l'ajoutais ; relance la commande.
streamers-title-following = Nouveau suivi : { $name }
streamers-title-another-channel = Nouveau salon ajouté pour { $name }
streamers-title-already = Déjà suivi : { $name }
streamers-title-updated = Alertes de { $name } mises à jour
streamers-title-moved = Alertes de { $name } déplacées
streamers-live-now = 🔴 En live en ce moment : j'ai publié son stream actuel, sans mention.
streamers-moved-note = La route qui publiait dans le salon supprimé <#{ $channel }> publie maintenant ici, avec sa mention, son modèle et ses filtres.
streamers-other-routes = { $count ->
    [one] Il y a { $count } autre route d'alertes ici : `/{ -cmd-streamers } { -cmd-streamers-list }` les affiche toutes.
   *[other] Il y a { $count } autres routes d'alertes ici : `/{ -cmd-streamers } { -cmd-streamers-list }` les affiche toutes.
}
streamers-field-posts-in = Publie dans
streamers-field-pings = Mentions
streamers-field-filters = Filtres
streamers-field-status = État
streamers-no-filters = aucun : tous les streams (`/{ -cmd-filter }` en ajoute)
streamers-paused-status = ⏸️ en pause (`{ -opt-enabled }:True` la relance)
streamers-budget-full = ⚠️ Je ne peux pas encore suivre **{ $name }** : le budget d'alertes live de Twitch pour ce StreamMaxing est plein. { $how }
streamers-budget-full-numbers = ⚠️ Je ne peux pas encore suivre **{ $name }** : le budget d'alertes live de Twitch pour ce StreamMaxing est plein ({ $used } sur { $max } utilisés ; il en faut { $needed } de plus pour le suivre). { $how }
streamers-how-to-free-room = Les streamers qui associent leur compte Twitch ne comptent pas : lance `/{ -cmd-streamers } { -cmd-streamers-link }` et envoie-leur la page de liaison. Retirer les streamers dont plus personne n'a besoin (`/{ -cmd-streamers } { -cmd-streamers-remove }`) libère aussi de la place.
streamers-alerts-active = ✅ Twitch me préviendra dès que le live commence.
streamers-alerts-wait = ⚠️ Le budget d'abonnements Twitch de ce StreamMaxing est plein, ses alertes attendent donc qu'une place se libère. { $how }
streamers-alerts-retrying = ⚠️ Twitch n'a pas encore accepté l'abonnement aux alertes live ({ $why }). Je réessaie toutes les minutes.
streamers-pings-opted-in = les membres qui se sont inscrits (`/{ -cmd-notify } { -cmd-notify-on }`)
streamers-pings-role-unset = personne (le rôle n'est pas défini : `/{ -cmd-setup } { -opt-role }:`)
streamers-pings-nobody = personne

## /streamers add avec plusieurs noms ou une équipe

streamers-did-you-mean = { $login } (tu voulais dire **{ $guess }** ?)
streamers-many-title = { $added ->
    [one] { $added } streamer ajouté sur { $total }
   *[other] { $added } streamers ajoutés sur { $total }
}
streamers-team-not-found = Je n'ai trouvé aucune équipe Twitch nommée **{ $name }**. C'est le nom dans son adresse : twitch.tv/team/**nom**.
streamers-team-empty = L'équipe **{ $name }** n'a encore aucun membre, il n'y a donc personne à suivre.
streamers-team-roster-note = Je vérifie la liste des membres de l'équipe toutes les { $hours } heures : les nouveaux membres sont suivis, ceux qui partent ne le sont plus (sauf si tu les as ajoutés par leur nom). `/{ -cmd-streamers } { -cmd-streamers-list }` affiche les derniers changements.
streamers-team-title = Équipe suivie : { $name }
streamers-many-live = { $count ->
    [one] 🔴 { $count } d'entre eux est en live en ce moment : j'ai publié son stream actuel, sans mention.
   *[other] 🔴 { $count } d'entre eux sont en live en ce moment : j'ai publié leurs streams actuels, sans mention.
}
streamers-group-added = ✅ Ajoutés
streamers-group-already = Déjà suivis
streamers-group-not-found = ❓ Introuvables sur Twitch
streamers-group-invalid = ⚠️ Pas des noms Twitch
streamers-group-no-room = ⛔ Plus de place dans le budget d'abonnements Twitch
streamers-group-waiting = ⏳ Suivis, mais les alertes live de Twitch attendent

## /streamers remove

streamers-remove-whom = Indique un streamer (`{ -opt-streamer }:`) ou une équipe suivie (`{ -opt-team }:`) à retirer.
streamers-unfollowed = J'ai arrêté de suivre **{ $name }**. Plus aucune notification pour cette chaîne ici.
streamers-unfollowed-role-deleted = J'ai arrêté de suivre **{ $name }**. Plus aucune notification pour cette chaîne ici. Le rôle 🔔 que j'avais créé pour elle est supprimé.
streamers-stopped-routes = Alertes de **{ $name }** arrêtées dans { $places }. Ses autres alertes ici continuent (`/{ -cmd-streamers } { -cmd-streamers-list }`).
streamers-team-not-followed = Ce serveur ne suit aucune équipe nommée **{ $name }**. `/{ -cmd-streamers } { -cmd-streamers-list }` affiche les équipes qu'il suit.
streamers-team-stopped-none = J'ai arrêté de suivre l'équipe **{ $team }**. Il ne restait aucun des streamers qu'elle avait ajoutés à ne plus suivre.
streamers-team-stopped = { $count ->
    [one] J'ai arrêté de suivre l'équipe **{ $team }**. Plus de notifications pour le { $count } streamer qu'elle avait ajouté : { $names }. Les streamers que tu as ajoutés par leur nom restent.
   *[other] J'ai arrêté de suivre l'équipe **{ $team }**. Plus de notifications pour les { $count } streamers qu'elle avait ajoutés : { $names }. Les streamers que tu as ajoutés par leur nom restent.
}

## /streamers list

streamers-list-no-channel = ⚠️ Aucun salon de serveur choisi pour l'instant : lance `/{ -cmd-setup } { -opt-channel }:#ton-salon`.
streamers-list-paused = ⏸️ Les notifications sont en pause sur ce serveur (`/{ -cmd-setup } { -opt-enabled }:True`).
streamers-list-empty = Ce serveur ne suit encore personne. Ajoute un streamer avec `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<nom Twitch>`.
streamers-list-title = { $streamers ->
    [one] { $streamers } streamer suivi
   *[other] { $streamers } streamers suivis
} · { $routes ->
    [one] { $routes } route d'alertes
   *[other] { $routes } routes d'alertes
}
streamers-list-title-attention = { $streamers ->
    [one] { $streamers } streamer suivi
   *[other] { $streamers } streamers suivis
} · { $routes ->
    [one] { $routes } route d'alertes
   *[other] { $routes } routes d'alertes
} · { $attention ->
    [one] ⚠️ { $attention } à vérifier
   *[other] ⚠️ { $attention } à vérifier
}
streamers-list-page = Page { $page } sur { $count }
streamers-list-previous = ◀ Précédent
streamers-list-next = Suivant ▶
streamers-team-line = { $count ->
    [one] 👥 Équipe **{ $name }** (`{ $slug }`) : { $count } membre suivi grâce à elle, liste des membres vérifiée <t:{ $checked }:R>
   *[other] 👥 Équipe **{ $name }** (`{ $slug }`) : { $count } membres suivis grâce à elle, liste des membres vérifiée <t:{ $checked }:R>
}
streamers-team-latest-change = dernier changement <t:{ $at }:R> : { $change }
streamers-team-joined = arrivés : { $names }
streamers-team-left = partis : { $names }
streamers-team-gone = l'équipe n'existe plus sur Twitch ; ses streamers restent suivis
streamers-live-game = 🔴 en live : { $game }
streamers-live = 🔴 en live
streamers-offline = ⚫ hors ligne
streamers-linked = ✔️ associé
streamers-health-user-removed = ⚠️ ce compte Twitch a été supprimé ou banni : retire-le avec `/{ -cmd-streamers } { -cmd-streamers-remove }`
streamers-health-active = ✅ alertes actives
streamers-health-confirming = ⏳ alertes en cours de confirmation par Twitch
streamers-health-waiting = ⚠️ les alertes attendent une place dans le budget d'abonnements Twitch : les streamers qui associent leur compte (`/{ -cmd-streamers } { -cmd-streamers-link }`) ne comptent pas, et `/{ -cmd-streamers } { -cmd-streamers-remove }` libère de la place
streamers-health-retrying = ⚠️ alertes pas encore actives : je réessaie toutes les minutes (l'opérateur peut lancer `streammaxing eventsub sync`)
streamers-route-line = → { $place } · mentions : { $whom }
streamers-route-own-template = modèle propre
streamers-route-paused = ⏸️ en pause
streamers-route-last-posted = dernière publication <t:{ $at }:R>
streamers-route-never-posted = encore jamais publié
streamers-route-not-posting = ⚠️ **Ne publie pas** ({ $code }) : { $detail }

## /streamers test

streamers-test-more = { $count ->
    [one] …et { $count } route de plus : teste-la avec `{ -opt-channel }:`.
   *[other] …et { $count } routes de plus : teste-les une par une avec `{ -opt-channel }:`.
}
streamers-test-no-channel = Il n'y a pas encore de salon où publier. Choisis-en un avec `/{ -cmd-setup } { -opt-channel }:#ton-salon`.
# En tête de l'alerte d'exemple publiée dans le salon (langue du serveur).
streamers-test-header = 🧪 **Notification de test** (personne n'a été mentionné)
streamers-test-posted = ✅ Notification de test publiée pour **{ $name }** dans { $channel } : { $link }. Personne n'a été mentionné.
streamers-test-resumed = Cette route s'était arrêtée après un échec précédent ; elle est relancée.
streamers-filters-none = Aucun filtre sur cette route : tous les streams sont annoncés.
streamers-filters-pass-live = 🟢 Filtres : son stream actuel serait annoncé.
streamers-filters-pass-offline = 🟢 Filtres : un stream avec son titre et sa catégorie actuels serait annoncé.
streamers-filters-block-live = 🟡 Filtres : son stream actuel ne serait **pas** annoncé : { $why }.
streamers-filters-block-offline = 🟡 Filtres : un stream avec son titre et sa catégorie actuels ne serait **pas** annoncé : { $why }.
streamers-post-not-allowed = ❌ Je ne peux pas publier dans { $channel } : il me manque des permissions. Donne au rôle StreamMaxing **Voir le salon**, **Envoyer des messages** et **Intégrer des liens** dans les paramètres de ce salon, puis réessaie.
streamers-post-unknown-channel = ❌ Le salon { $channel } n'existe plus. Choisis-en un nouveau avec `/{ -cmd-setup } { -opt-channel }:` (ou `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-channel }:` pour le salon propre à ce streamer).
streamers-post-refused = ❌ Discord a refusé le message (erreur { $code }). Vérifie le modèle avec `/{ -cmd-template } { -cmd-template-preview }`.

## /streamers link

streamers-link-unavailable = La page de liaison n'est pas disponible sur ce StreamMaxing : son opérateur doit définir APP_SECRET.
streamers-link-button = Ouvrir la page de liaison
streamers-link-text = Envoie ce lien au streamer. Il pourra y associer son compte Twitch : ce serveur le suivra alors, il apparaîtra comme vérifié, et ses alertes ne compteront plus dans la limite d'abonnements de Twitch. Le lien ne fonctionne qu'une fois et expire <t:{ $expires }:R>.

## Autocomplétion de login:

streamers-choice-live = 🔴 { $name } · en live
streamers-choice-followed = déjà suivi ici
streamers-not-a-login = « { $typed } » n'est pas un nom Twitch. Utilise le nom de l'adresse de sa chaîne : twitch.tv/**nom** (lettres, chiffres et tirets bas, 25 au maximum).
