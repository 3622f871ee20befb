connections-expired = Cette liste a expiré. Relancez /connections.
connections-heading = **Vos relations**
connections-matching = contenant « { $search } »
connections-tagged = avec l’étiquette { $tag }
connections-none-match = Aucune relation ne correspond.
connections-none = Vous n’avez pas encore de relations. Invitez quelqu’un avec `/invite`, ou consultez `/suggestions` pour des personnes que vous pourriez connaître.
connections-line = { $member } — en relation { $when }
connections-remove-menu = Retirer une relation…
tag-added = Étiquette { $tag } ajoutée à { $member }. Vous seul voyez vos étiquettes.
tag-removed = Étiquette { $tag } retirée de { $member }.
tag-absent = { $member } n’a pas l’étiquette { $tag } chez vous.
setting-on = activé
setting-off = désactivé
settings-shown = **Vos paramètres**
    Qui peut vous inviter : { $policy }
    Accepter les invitations automatiquement : { $auto_accept }
    Notifications en message privé : { $dms }
    Qui voit votre profil : { $visibility }
    Personne n’est informé de vos paramètres : toutes les invitations refusées reçoivent la même réponse neutre.
settings-saved = Enregistré. { settings-shown }
mydata-delete-ask = Supprimer toutes vos données de réseau sur ce serveur ? Vos relations, invitations, étiquettes, paramètres et les noms que le bot a vus pour vous seront effacés, sans que personne ne soit prévenu. C’est définitif.
button-delete-my-data = Supprimer mes données
mydata-exported = Voici tout ce que le bot garde sur vous sur ce serveur. Ce que d’autres gardent à votre sujet (par exemple qui ils ont retiré) leur appartient et n’est pas inclus.
mydata-deleted = Vos données de réseau sur ce serveur ont été supprimées.
nothing-changed = D’accord, rien n’a changé.
not-moderator = Seuls les membres qui peuvent gérer ce serveur peuvent faire cela.
remove-member-ask = Effacer les données de réseau de { $member } sur ce serveur ? Ses relations, invitations, étiquettes et paramètres disparaissent ; cette personne n’est pas prévenue. Le journal de modération indique que c’est vous.
button-erase-their-data = Effacer ses données
profile-cleared = Le profil de { $member } a été vidé. Ses relations restent ; cette personne n’est pas prévenue. Le journal de modération indique que c’est vous.
profile-nothing-to-clear = { $member } n’a pas de profil à vider.
network-stats = **Statistiques du réseau**
    Membres du réseau : { $members }
    Relations : { $connections }
    Invitations en attente : { $pending }
    Invitations envoyées ces 7 derniers jours : { $sent }
    Relations par membre : médiane { $median }, maximum { $most }
limits-shown = **Limites**
    Invitations par membre sur 7 jours : { $per_week }
    Relations par membre : { $cap }
    Signalements en 30 jours avant suspension : { $reports }
    Liens d’invitation Discord dans les profils : { $links }
limits-saved = Enregistré. { limits-shown }
limits-links-allowed = autorisés
limits-links-not-allowed = non autorisés
member-erased = Les données de réseau de { $member } sur ce serveur ont été effacées.
member-restored = { $member } peut de nouveau envoyer des invitations.
reports-heading = **Expéditeurs signalés** (« Je ne connais pas cette personne », 30 derniers jours)
reports-none = Personne n’a été signalé.
reports-line = { $member } — { $count ->
    [one] 1 signalement
   *[other] { $count } signalements
}
reports-suspended = suspension { $when }
button-restore-name = Rétablir { $name }
