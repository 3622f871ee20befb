error-invalid-id = Cet identifiant Discord n’est pas valide.
error-self-target = Vous ne pouvez pas faire cela avec vous-même.
error-already-connected = Vous êtes déjà en relation avec ce membre.
error-invitation-pending = Vous avez déjà invité ce membre ; votre invitation est toujours en attente.
error-not-invitable = Ce membre ne peut pas être invité pour le moment.
error-note-too-long = Votre note fait { $chars } caractères ; une note peut en compter { $max } au maximum.
error-weekly-limit = Vous avez envoyé { $limit } invitations ces 7 derniers jours, le maximum autorisé sur ce serveur. Vous pourrez inviter à nouveau dans { $wait }.
error-withdraw-cooldown = Vous avez retiré récemment une invitation à ce membre. Vous pourrez l’inviter à nouveau dans { $wait }.
error-sending-suspended = Vous ne pouvez pas envoyer d’invitations pour le moment.
error-no-invitation-received = Ce membre ne vous a envoyé aucune invitation en attente.
error-no-invitation-sent = Vous n’avez aucune invitation en attente pour ce membre.
error-not-connected = Vous n’êtes pas en relation avec ce membre.
error-cap-reached = Vous avez atteint la limite de { $cap } relations de ce serveur. Retirez une relation pour faire de la place.
error-invitation-unavailable = Cette invitation ne peut pas être acceptée pour le moment.
error-tag-empty = Une étiquette ne peut pas être vide.
error-tag-too-long = Une étiquette peut compter { $max } caractères au maximum.
error-too-many-tags = Une relation peut avoir { $max } étiquettes au maximum.
error-limit-out-of-range = Cette limite doit être comprise entre { $min } et { $max }.
error-headline-too-long = Votre titre fait { $chars } caractères ; il peut en compter { $max } au maximum. Rien n’a été enregistré.
error-about-too-long = Votre texte « Infos » fait { $chars } caractères ; il peut en compter { $max } au maximum. Rien n’a été enregistré.
error-too-many-skills = Vous avez indiqué { $count } compétences ; un profil peut en avoir { $max } au maximum. Rien n’a été enregistré.
error-skill-too-long = La compétence { $skill } dépasse { $max } caractères. Rien n’a été enregistré.
error-too-many-links = Vous avez indiqué { $count } liens ; un profil peut en avoir { $max } au maximum. Rien n’a été enregistré.
error-link-too-long = { $link } dépasse { $max } caractères. Rien n’a été enregistré.
error-link-spaces = { $link } contient des espaces, ce qui est impossible dans un lien. Rien n’a été enregistré.
error-link-not-https = { $link } ne commence pas par https:// (seuls les liens https sont acceptés). Rien n’a été enregistré.
error-link-not-a-link = { $link } n’est pas une adresse web. Rien n’a été enregistré.
error-link-invite = { $link } est une invitation Discord ; la modération de ce serveur ne les autorise pas dans les profils. Rien n’a été enregistré.
error-internal = Un problème est survenu de notre côté. Veuillez réessayer dans un instant.

input-not-in-server = Cette commande ne fonctionne que sur un serveur.
input-bot-target = Les bots ne peuvent pas faire partie de votre réseau.
input-not-a-member = Cette personne n’est pas membre de ce serveur.
input-not-your-button = Ce bouton n’est pas pour vous.
input-unknown = Cette action n’est plus disponible.
input-malformed = Il manquait quelque chose dans cette demande. Veuillez réessayer.

wait-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
wait-hours = { $count ->
    [one] 1 heure
   *[other] { $count } heures
}
wait-days = { $count ->
    [one] 1 jour
   *[other] { $count } jours
}
