# /setup : les réglages par défaut du serveur, la vérification que le bot
# peut publier, et les noms des permissions tels que Discord les affiche.

setup-choose-channel-first = Choisis d'abord où envoyer les notifications de live : `/{ -cmd-setup } { -opt-channel }:#ton-salon`. Ensuite, `/{ -cmd-setup }` ne modifie que les options que tu indiques.
setup-role-needed = Pour pinger un rôle, choisis-le avec l'option `{ -opt-role }:`, par exemple `/{ -cmd-setup } { -opt-role }:@Live`.

## Ce qui empêcherait les notifications de fonctionner, avec la solution.
setup-check-failed = Je n'ai pas pu vérifier mes permissions dans <#{ $channel }> pour le moment. Lance `/{ -cmd-streamers } { -cmd-streamers-test }` pour vérifier que je peux y publier.
setup-check-slow = Discord a mis trop de temps à m'indiquer mes permissions dans <#{ $channel }>. Lance `/{ -cmd-streamers } { -cmd-streamers-test }` pour vérifier que je peux y publier.
setup-missing-permissions = { $count ->
    [one] Il me manque la permission { $permissions } dans <#{ $channel }>. Ouvre les paramètres du salon → Permissions, ajoute le rôle StreamMaxing et autorise-la.
   *[other] Il me manque les permissions { $permissions } dans <#{ $channel }>. Ouvre les paramètres du salon → Permissions, ajoute le rôle StreamMaxing et autorise-les.
}
setup-role-unmentionable = <@&{ $role }> ne peut pas être mentionné, donc le ping n'atteindrait personne. Dans Paramètres du serveur → Rôles → { $name }, active **Permettre à tout le monde de @mentionner ce rôle** (ou donne-moi **{ setup-perm-mention-everyone }** dans <#{ $channel }>).
setup-opt-in-needs-manage-roles = Les pings sur inscription nécessitent un rôle par streamer, que je crée et attribue moi-même : j'ai donc besoin de **{ setup-perm-manage-roles }** (Paramètres du serveur → Rôles → StreamMaxing).
setup-opt-in-needs-mention-all = Les membres ne peuvent pas @mentionner les rôles d'inscription (pour que personne ne puisse pinger en masse tous les inscrits) ; je les pinge moi-même, ce qui nécessite **{ setup-perm-mention-everyone }** dans <#{ $channel }>. Sans cette permission, la notification est publiée mais ne pinge personne.
setup-webhooks-needed = Publier au nom du streamer passe par un webhook que je crée dans <#{ $channel }>, ce qui nécessite **{ setup-perm-manage-webhooks }** dans ce salon. Tant que je ne l'ai pas, les alertes sont publiées au nom de StreamMaxing.
setup-history-needed = Quand Discord perd la réponse à une publication, je lis les messages récents de <#{ $channel }> pour m'assurer que l'alerte n'y est pas déjà avant de la republier, ce qui nécessite **{ setup-perm-read-message-history }**. Sans cette permission, une réponse perdue peut donner une alerte en double.
setup-manage-messages-needed = Publier vers les serveurs abonnés une alerte que le webhook du streamer a postée dans <#{ $channel }> nécessite **{ setup-perm-manage-messages }** dans ce salon (ce n'est pas mon propre message). Sans cette permission, les alertes sont postées mais pas publiées.

## Les noms des permissions, tels que les paramètres de Discord les affichent.
setup-perm-view-channel = Voir le salon
setup-perm-send-messages = Envoyer des messages
setup-perm-embed-links = Intégrer des liens
setup-perm-manage-roles = Gérer les rôles
setup-perm-mention-everyone = Mentionner @everyone, @here et tous les rôles
setup-perm-manage-messages = Gérer les messages
setup-perm-manage-webhooks = Gérer les webhooks
setup-perm-read-message-history = Voir les anciens messages
setup-list-separator = {", "}
setup-list-last = { $init } et { $last }

## Le résumé des réglages enregistrés.
setup-title-ok = ✅ Les notifications de live sont configurées
setup-title-paused = ⏸️ Enregistré : les notifications de live sont en pause
setup-title-problems = ⚠️ Enregistré, mais quelque chose est à corriger
setup-field-channel = Salon
setup-field-pings = Pings
setup-field-after-stream = À la fin d'un stream
setup-field-publish = Publier dans les salons d'annonces
setup-field-drops = Coupures de stream
setup-field-while-live = Pendant le live
setup-field-posted-as = Publié en tant que
setup-field-language = Langue
setup-field-status = État
setup-channel-none = aucun
setup-pings-opt-in = les membres inscrits avec `/{ -cmd-notify } { -cmd-notify-on }`
setup-pings-nobody = personne
setup-after-edit = son message est modifié pour indiquer la durée du stream
setup-after-delete = son message est supprimé
setup-after-keep = son message reste tel quel
setup-publish-yes = oui
setup-publish-no = non
setup-cooldown-off = désactivé : chaque début de live publie un nouveau message
setup-cooldown = un stream qui reprend dans les { $minutes } min réutilise son message
setup-refresh-off = désactivé : un message de live ne change qu'avec le titre ou le jeu
setup-refresh = aperçu et nombre de spectateurs actualisés toutes les { $minutes } min
setup-posted-as-streamer = le streamer (nom et avatar)
setup-language-server = celle du serveur ({ $language })
setup-status-on = activé
setup-status-paused = en pause (`/{ -cmd-setup } { -opt-enabled }:True` pour reprendre)
setup-defaults-explained = Ce sont les réglages par défaut du serveur : les alertes de chaque streamer les utilisent, sauf s'il a les siens (`/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:… { -opt-channel }:… { -opt-role }:…`). Ensuite : `/{ -cmd-streamers } { -cmd-streamers-add } { -opt-login }:<son pseudo Twitch>`, puis `/{ -cmd-streamers } { -cmd-streamers-test }`.
