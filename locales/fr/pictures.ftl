# La carte du réseau (/map) et le graphique des modérateurs (/network stats).
map-caption = { $count ->
    [one] Votre réseau : { $count } relation. Vous seul voyez cette image.
   *[other] Votre réseau : { $count } relations. Vous seul voyez cette image.
}
map-empty = Vous n'avez pas encore de relations : il n'y a pas encore de carte. Invitez quelqu'un avec /invite, votre carte commencera avec cette personne.
map-empty-tag = Aucune de vos relations n'a l'étiquette { $tag }.
map-you = Vous
map-title = Votre réseau
map-connections = { $count ->
    [one] { $count } relation
   *[other] { $count } relations
}
map-connections-capped = { $count } relations sur { $total }
map-group-named = { $name } · { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
map-group = Groupe { $n } · { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
map-ungrouped = Hors groupe · { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
map-second-degree = 2e niveau · { $count ->
    [one] { $count } personne
   *[other] { $count } personnes
}
chart-title = Statistiques du réseau
chart-histogram = Relations par membre
chart-connections-axis = relations (classes doublées)
chart-members-axis = membres (échelle log)
chart-weeks = Invitations par semaine, 12 dernières semaines
chart-sent = envoyées
chart-accepted = acceptées
chart-ignored = ignorées
