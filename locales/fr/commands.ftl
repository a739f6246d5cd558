# The slash commands as Discord shows them: names (terms, so replies can
# name a command as the member sees it: `/{ -cmd-notify } { -cmd-notify-on }`),
# descriptions (at most 100 characters) and choices.
# Names: lowercase, no spaces, at most 32 characters, unique among siblings.

## Command and subcommand names.
-cmd-filter = filtre
-cmd-filter-game = jeu
-cmd-filter-title = titre
-cmd-filter-clear = effacer
-cmd-notify = notifier
-cmd-notify-on = activer
-cmd-notify-off = désactiver
-cmd-notify-list = liste
-cmd-notify-forget = oublier
-cmd-setup = configuration
-cmd-streamers = streamers
-cmd-streamers-add = ajouter
-cmd-streamers-remove = retirer
-cmd-streamers-list = liste
-cmd-streamers-test = tester
-cmd-streamers-link = lien
-cmd-template = modèle
-cmd-template-edit = modifier
-cmd-template-preview = aperçu
-cmd-template-reset = réinitialiser

## Option names.
-opt-streamer = streamer
-opt-channel = salon
-opt-game = jeu
-opt-rule = règle
-opt-words = mots
-opt-role = rôle
-opt-ping = mention
-opt-enabled = activé
-opt-after-stream = après_stream
-opt-publish = publier
-opt-cooldown = délai
-opt-refresh = actualisation
-opt-post-as = publier_en_tant_que
-opt-language = langue
-opt-login = pseudo
-opt-team = équipe

cmd-filter-name = { -cmd-filter }
cmd-filter-game-name = { -cmd-filter-game }
cmd-filter-title-name = { -cmd-filter-title }
cmd-filter-clear-name = { -cmd-filter-clear }
cmd-notify-name = { -cmd-notify }
cmd-notify-on-name = { -cmd-notify-on }
cmd-notify-off-name = { -cmd-notify-off }
cmd-notify-list-name = { -cmd-notify-list }
cmd-notify-forget-name = { -cmd-notify-forget }
cmd-setup-name = { -cmd-setup }
cmd-streamers-name = { -cmd-streamers }
cmd-streamers-add-name = { -cmd-streamers-add }
cmd-streamers-remove-name = { -cmd-streamers-remove }
cmd-streamers-list-name = { -cmd-streamers-list }
cmd-streamers-test-name = { -cmd-streamers-test }
cmd-streamers-link-name = { -cmd-streamers-link }
cmd-template-name = { -cmd-template }
cmd-template-edit-name = { -cmd-template-edit }
cmd-template-preview-name = { -cmd-template-preview }
cmd-template-reset-name = { -cmd-template-reset }

opt-streamer-name = { -opt-streamer }
opt-channel-name = { -opt-channel }
opt-game-name = { -opt-game }
opt-rule-name = { -opt-rule }
opt-words-name = { -opt-words }
opt-role-name = { -opt-role }
opt-ping-name = { -opt-ping }
opt-enabled-name = { -opt-enabled }
opt-after-stream-name = { -opt-after-stream }
opt-publish-name = { -opt-publish }
opt-cooldown-name = { -opt-cooldown }
opt-refresh-name = { -opt-refresh }
opt-post-as-name = { -opt-post-as }
opt-language-name = { -opt-language }
opt-login-name = { -opt-login }
opt-team-name = { -opt-team }

## Descriptions.
cmd-filter-desc = N'annoncer que certains streams d'un streamer : selon le jeu ou les mots du titre
cmd-filter-game-desc = N'annoncer qu'un jeu, ne jamais l'annoncer, ou retirer cette règle
cmd-filter-title-desc = Exiger ou exclure des mots dans le titre du stream (mots entiers, sans tenir compte de la casse)
cmd-filter-clear-desc = Retirer tous les filtres : annoncer tous les streams d'un streamer
cmd-notify-desc = Choisir les streamers dont les notifications de live te mentionnent
cmd-notify-on-desc = Être mentionné quand ce streamer lance un live
cmd-notify-off-desc = Ne plus être mentionné quand ce streamer lance un live
cmd-notify-list-desc = Voir quels streamers te mentionnent
cmd-notify-forget-desc = Effacer ce que le bot garde sur toi sur ce serveur, et te retirer ses rôles 🔔
cmd-setup-desc = Choisir où publier les notifications de live et qui elles mentionnent
cmd-streamers-desc = Gérer les streamers Twitch dont ce serveur reçoit les notifications de live
cmd-streamers-add-desc = Suivre un streamer dans un salon (à refaire avec un autre salon pour une 2e route)
cmd-streamers-remove-desc = Arrêter les alertes d'un streamer (dans un salon, ou partout)
cmd-streamers-list-desc = Voir tous les streamers et routes d'alerte de ce serveur, et s'ils fonctionnent
cmd-streamers-test-desc = Publier une notification d'exemple maintenant (sans mention) pour vérifier que tout marche
cmd-streamers-link-desc = Obtenir un lien avec lequel un streamer peut connecter son compte Twitch
cmd-template-desc = Personnaliser l'apparence des notifications de live
cmd-template-edit-desc = Modifier le modèle de notification (du serveur, ou d'un streamer)
cmd-template-preview-desc = Voir une notification exactement comme elle sera publiée
cmd-template-reset-desc = Revenir au modèle par défaut

opt-streamer-desc = Le streamer (pseudo Twitch)
opt-route-channel-desc = Seulement ses alertes dans ce salon (par défaut : toutes)
opt-filter-game-desc = Le jeu ou la catégorie, tel que Twitch le nomme
opt-filter-game-rule-desc = Que faire de ce jeu
opt-filter-words-desc = Mots ou expressions, séparés par des virgules (ex. « rediff, reupload »)
opt-filter-title-rule-desc = Que faire de ces mots
opt-setup-channel-desc = Salon des notifications de live (requis la 1re fois, ensuite seulement pour le changer)
opt-setup-role-desc = Rôle à mentionner quand un streamer lance un live
opt-setup-ping-desc = Qui est mentionné (par défaut : le rôle si tu en choisis un, sinon personne)
opt-setup-enabled-desc = Activer ou désactiver les notifications de live sur ce serveur
opt-setup-after-stream-desc = Ce que devient le message à la fin du stream (par défaut : le modifier)
opt-setup-publish-desc = Dans les salons d'annonces, publier vers les serveurs abonnés (par défaut : oui)
opt-setup-cooldown-desc = Minutes pendant lesquelles un stream coupé puis repris garde son message (défaut 10, 0 = non)
opt-setup-refresh-desc = Minutes entre deux mises à jour de l'aperçu et des spectateurs d'un live (défaut 10, 0 = non)
opt-setup-post-as-desc = Publier en tant que bot, ou en tant que streamer (son nom et son avatar, via un webhook du salon)
opt-setup-language-desc = La langue des alertes et du modèle par défaut (par défaut : celle du serveur)
opt-add-login-desc = Son pseudo, comme dans twitch.tv/<pseudo> (tape pour chercher ; plusieurs : espaces ou virgules)
opt-add-channel-desc = Publier ses alertes ici (défaut : le salon de /configuration). Un autre salon ajoute une route
opt-add-ping-desc = Qui cette route mentionne (par défaut : comme le dit /configuration)
opt-add-role-desc = Le rôle que cette route mentionne
opt-add-enabled-desc = Activer ou désactiver cette route
opt-add-team-desc = Une équipe Twitch (twitch.tv/team/<nom>) : suivre chaque membre, au fil des arrivées et départs
opt-remove-team-desc = Une équipe Twitch suivie : ne plus la suivre, ni les membres qu'elle a ajoutés
opt-test-channel-desc = Seulement sa route dans ce salon (par défaut : chacune de ses routes)
opt-template-streamer-desc = Seulement pour ce streamer (laisse vide pour tout le serveur)
opt-template-channel-desc = Avec streamer : seulement ses alertes dans ce salon
opt-preview-streamer-desc = Aperçu de la notification de ce streamer (par défaut : le modèle du serveur)

## Choices (at most 100 characters).
choice-filter-game-only = N'annoncer que les streams sur ce jeu
choice-filter-game-skip = Ne jamais annoncer les streams sur ce jeu
choice-filter-game-remove = Retirer la règle de ce jeu
choice-filter-title-has = N'annoncer que les titres contenant l'un d'eux
choice-filter-title-skip = Ne jamais annoncer les titres contenant l'un d'eux
choice-filter-title-remove = Retirer les règles de ces mots
choice-ping-server = Comme le dit /configuration sur le serveur
choice-ping-none = Personne
choice-ping-role = Le rôle que je choisis
choice-ping-streamer-role = Les membres qui s'inscrivent, streamer par streamer, avec /notifier
choice-after-stream-edit = Le modifier pour indiquer la durée du stream
choice-after-stream-delete = Le supprimer
choice-after-stream-keep = Le laisser tel quel
choice-post-as-bot = Le bot (StreamMaxing)
choice-post-as-streamer = Le streamer (son nom et son avatar, via un webhook que je crée)
choice-language-server = La langue du serveur (selon Discord)
