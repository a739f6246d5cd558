# /template edit|preview|reset : l'apparence des notifications.

# Le formulaire (titre ≤ 45 caractères, chaque libellé ≤ 45, l'indication ≤ 100).
template-form-server = Modifier le modèle de notification
template-form-streamer = Modifier le modèle de ce streamer
template-form-route = Modifier le modèle de cette route
template-field-content = Texte du message (au-dessus de la carte)
template-field-title = Titre de la carte
template-field-description = Texte de la carte
template-field-color = Couleur de la carte (hex, ex. #9146FF)
template-field-footer = Pied de page
template-field-placeholder = Les variables comme { $example } et { $other } sont remplies

template-form-empty = Ce formulaire est arrivé vide ; rouvre-le.
template-form-outdated = Ce formulaire vient d'une ancienne version de StreamMaxing ; relance la commande.
template-route-gone = Ce serveur ne suit plus ce streamer à cet endroit.
template-saved = ✅ Enregistré. Voici à quoi ça ressemblera
template-not-saved = ❌ Pas enregistré : le modèle a des problèmes.
template-fix-it = Corriger
template-fix-it-hint = « Corriger » rouvre le formulaire avec ce que tu as saisi.
template-more-problems = • …et { $count } de plus
template-bad-color = • **couleur** : « { $value } » n'est pas une couleur hex comme #9146FF.
template-draft-expired = Ce brouillon a expiré. Relance `/{ -cmd-template } { -cmd-template-edit }`.

template-preview = Aperçu
template-preview-heading = **{ $heading }** (live d'exemple ; ne mentionne personne ici)
template-open-editor = Ouvrir l'éditeur web
template-reset-streamer = ↩️ **{ $name }** utilise maintenant le modèle du serveur. `/{ -cmd-template } { -cmd-template-preview }` l'affiche.
template-reset-server = ↩️ Le serveur utilise de nouveau le modèle par défaut. `/{ -cmd-template } { -cmd-template-preview }` l'affiche.
