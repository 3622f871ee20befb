degree-first-connected = 1. Grades: ihr seid vernetzt
degree-first = 1. Grades
degree-second = 2. Grades
degree-second-short = 2. Grades
degree-third = 3. Grades
degree-third-short = 3. Grades
degree-outside = außerhalb deines Netzwerks
relation-mutuals = { $count ->
    [one] 1 gemeinsamer Kontakt
   *[other] { $count } gemeinsame Kontakte
}: { $names }
relation-mutuals-more = { $count ->
    [one] 1 gemeinsamer Kontakt
   *[other] { $count } gemeinsame Kontakte
}: { $names } und { $more } weitere
relation-since = Vernetzt seit { $date }
relation-tags = Deine Etiketten: { $tags }
relation-invited-you = Diese Person hat dich eingeladen.
relation-pending = Deine Einladung steht noch aus.
button-invite-to-connect = Zum Vernetzen einladen
own-network = **Dein Netzwerk**
    Kontakte: { $connections }
    Einladungen an dich: { $received }
    Von dir gesendet, offen: { $sent }
    Verbleibende Einladungen diese Woche: { $left }
own-no-profile = Du hast noch kein Profil: Füge einen Titel, Kenntnisse und Links hinzu, damit andere dich mit /people finden.
button-edit-profile = Profil bearbeiten
card-connections = Kontakte
card-hidden = Das Profil ist nur für Kontakte sichtbar.
card-empty = Noch kein Profil.
card-skills = Kenntnisse
card-open-to = Offen für
card-links = Links
form-title = Profil bearbeiten
form-headline = Titel
form-headline-placeholder = Was du machst, in einer Zeile
form-about = Info
form-about-placeholder = Ein paar Worte über dich und deine Arbeit
form-skills = Kenntnisse, kommagetrennt (max. { $max })
form-skills-placeholder = Rust, PostgreSQL, Mentoring
form-links = Links, einer pro Zeile (max. { $max })
form-links-placeholder = https://…
profile-saved = Gespeichert. So sieht dein Profil aus; wähle unten, wofür du offen bist.
open-to-placeholder = Offen für … (beliebig viele oder keins)
profile-empty = Dein Profil ist jetzt leer, es gibt nichts anzuzeigen.
suggestions-none = Gerade keine Vorschläge. Sie kommen aus den Kontakten deiner Kontakte: Vernetze dich zuerst mit ein paar Leuten.
suggestions-heading = **Personen, die du kennen könntest**
suggestions-line = { $n }. { $member } — { $count ->
    [one] 1 gemeinsamer Kontakt
   *[other] { $count } gemeinsame Kontakte
}
suggestions-shares = gemeinsame Kenntnisse: { $skills }
button-invite-name = { $name } einladen
people-expired = Diese Suche ist abgelaufen. Führe /people noch einmal aus.
people-skill = Kenntnis **{ $skill }**
people-words = „{ $words }“
people-open-to = offen für { $open_to }
people-heading-all = **Personen mit Profil**
people-heading = **Personen** · { $filters }
people-none = Noch niemand passt dazu. Versuch eine andere Kenntnis oder weniger Wörter.
people-found = { $heading } — { $count } gefunden, die nächsten zuerst
people-mutuals = { $count ->
    [one] 1 gemeinsamer Kontakt
   *[other] { $count } gemeinsame Kontakte
}
button-view-name = { $name } ansehen
skill-choice = { $skill } ({ $count })
member-fallback = Mitglied { $id }
server-fallback = einem Server
