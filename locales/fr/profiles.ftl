degree-first-connected = 1er niveau : vous êtes en relation
degree-first = 1er niveau
degree-second = 2e niveau
degree-second-short = 2e niveau
degree-third = 3e niveau
degree-third-short = 3e niveau
degree-outside = hors de votre réseau
relation-mutuals = { $count ->
    [one] 1 relation en commun
   *[other] { $count } relations en commun
} : { $names }
relation-mutuals-more = { $count ->
    [one] 1 relation en commun
   *[other] { $count } relations en commun
} : { $names } et { $more } autres
relation-since = En relation depuis { $date }
relation-tags = Vos étiquettes : { $tags }
relation-invited-you = Cette personne vous a envoyé une invitation.
relation-pending = Votre invitation est en attente.
button-invite-to-connect = Inviter à se connecter
own-network = **Votre réseau**
    Relations : { $connections }
    Invitations reçues en attente : { $received }
    Invitations envoyées en attente : { $sent }
    Invitations restantes cette semaine : { $left }
own-no-profile = Vous n’avez pas encore de profil : ajoutez un titre, des compétences et des liens pour qu’on vous trouve avec /people.
button-edit-profile = Modifier le profil
card-connections = Relations
card-hidden = Son profil n’est visible que par ses relations.
card-empty = Pas encore de profil.
card-skills = Compétences
card-open-to = Ouvert à
card-links = Liens
form-title = Modifier votre profil
form-headline = Titre
form-headline-placeholder = Ce que vous faites, en une ligne
form-about = Infos
form-about-placeholder = Quelques mots sur vous et votre travail
form-skills = Compétences (virgules, { $max } max.)
form-skills-placeholder = Rust, PostgreSQL, mentorat
form-links = Liens, un par ligne ({ $max } max.)
form-links-placeholder = https://…
profile-saved = Enregistré. Voici votre profil ; choisissez ci-dessous ce à quoi vous êtes ouvert.
open-to-placeholder = Ouvert à… (autant de choix que vous voulez, ou aucun)
profile-empty = Votre profil est vide, il n’y a rien à afficher.
suggestions-none = Aucune suggestion pour le moment. Elles viennent des relations de vos relations : commencez par vous connecter à quelques personnes.
suggestions-heading = **Des personnes que vous pourriez connaître**
suggestions-line = { $n }. { $member } — { $count ->
    [one] 1 relation en commun
   *[other] { $count } relations en commun
}
suggestions-shares = compétences communes : { $skills }
button-invite-name = Inviter { $name }
people-expired = Cette recherche a expiré. Relancez /people.
people-skill = compétence **{ $skill }**
people-words = « { $words } »
people-open-to = ouvert à { $open_to }
people-heading-all = **Personnes avec un profil**
people-heading = **Personnes** · { $filters }
people-none = Personne ne correspond pour l’instant. Essayez une autre compétence ou moins de mots.
people-found = { $heading } — { $count } résultats, les plus proches d’abord
people-mutuals = { $count ->
    [one] 1 relation en commun
   *[other] { $count } relations en commun
}
button-view-name = Voir { $name }
skill-choice = { $skill } ({ $count })
member-fallback = membre { $id }
server-fallback = un serveur
