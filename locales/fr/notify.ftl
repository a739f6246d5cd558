# /notify et le bouton 🔔 : un membre choisit quels streamers le mentionnent.

notify-streamer-gone = Ce serveur ne suit plus ce streamer.
notify-list-empty = Ce serveur ne suit encore aucun streamer.
notify-list-title = Tes pings de live
notify-list-how-to-change = Modifie-les avec `/{ -cmd-notify } { -cmd-notify-on }` / `/{ -cmd-notify } { -cmd-notify-off }`, ou avec le bouton 🔔 sous n'importe quelle notification de live.
notify-forgotten = 🧹 C'est fait : j'ai effacé ce que je gardais sur toi dans ce serveur ({ $erased ->
        [one] { $erased } choix ou brouillon enregistré
       *[other] { $erased } choix ou brouillons enregistrés
    }) et je t'ai retiré { $roles ->
        [one] { $roles } rôle 🔔 que je t'avais donné
       *[other] { $roles } rôles 🔔 que je t'avais donnés
    }. Ton identifiant a aussi disparu de tout ce que tu as ajouté ici. Ce que je garde, et pendant combien de temps : { $privacy }
notify-on-done = 🔔 Tu seras mentionné quand **{ $name }** lancera son live. `/{ -cmd-notify } { -cmd-notify-off }` annule ça.
notify-off-done = 🔕 Tu ne seras plus mentionné pour **{ $name }**. `/{ -cmd-notify } { -cmd-notify-on }` annule ça.
notify-cannot-give-roles = Je ne peux pas attribuer de rôles de notification ici. Un admin doit me donner la permission **Gérer les rôles** et placer mon rôle au-dessus des rôles de notification des streamers (Paramètres du serveur → Rôles).
notify-too-many-roles = Ce serveur a atteint le maximum de 250 rôles fixé par Discord, je ne peux donc pas créer de rôle de notification pour **{ $name }**. Un admin peut supprimer les rôles que plus personne n'utilise (Paramètres du serveur → Rôles), puis réessayer.
# Le rôle que le bot crée pour les pings sur inscription d'un streamer (dans la langue du serveur).
notify-role-name = { $name } en live

# /notify on|off quand le serveur mentionne un rôle pour tout le monde, ou personne.
notify-opt-in-needs-admin = Pour des pings par membre, un admin doit activer les pings sur inscription (`/{ -cmd-setup } { -opt-ping }:{ choice-ping-streamer-role }`).
notify-role-held-off = Ce serveur mentionne <@&{ $role }> pour tout le monde quand **{ $name }** lance son live, et tu as ce rôle : je ne peux donc pas désactiver ton ping à part. Tu peux quitter <@&{ $role }> si le serveur te laisse choisir tes rôles (Salons et rôles), ou désactiver les mentions de rôles pour ce serveur (nom du serveur → Paramètres de notification → Supprimer toutes les @mentions de rôles).
notify-role-not-held-off = Tu ne seras pas mentionné pour **{ $name }** : ce serveur mentionne <@&{ $role }> quand le live commence, et tu n'as pas ce rôle.
notify-role-held-on = Tu es déjà mentionné quand **{ $name }** lance son live : ce serveur mentionne <@&{ $role }>, et tu as ce rôle.
notify-role-not-held-on = Ce serveur mentionne <@&{ $role }> quand **{ $name }** lance son live. Pour être mentionné, prends ce rôle si le serveur te laisse choisir tes rôles (Salons et rôles), ou demande-le à un admin.
notify-nobody-pinged-on = Ce serveur ne mentionne personne quand **{ $name }** lance son live : la notification est publiée sans ping, il n'y a donc rien à activer.
notify-nobody-pinged-off = Ce serveur ne mentionne personne quand **{ $name }** lance son live : la notification est publiée sans ping, il n'y a donc rien à désactiver.
