# Die Netzwerkkarte (/map) und das Diagramm für Moderatoren (/network stats).
map-caption = { $count ->
    [one] Dein Netzwerk: { $count } Kontakt. Nur du siehst dieses Bild.
   *[other] Dein Netzwerk: { $count } Kontakte. Nur du siehst dieses Bild.
}
map-empty = Du hast noch keine Kontakte, also gibt es noch keine Karte. Lade jemanden mit /invite ein: Mit dieser Person beginnt deine Karte.
map-empty-tag = Keiner deiner Kontakte hat das Etikett { $tag }.
map-you = Du
map-title = Dein Netzwerk
map-connections = { $count ->
    [one] { $count } Kontakt
   *[other] { $count } Kontakte
}
map-connections-capped = { $count } von { $total } Kontakten
map-group-named = { $name } · { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
map-group = Gruppe { $n } · { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
map-ungrouped = In keiner Gruppe · { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
map-second-degree = 2. Grades · { $count ->
    [one] { $count } Person
   *[other] { $count } Personen
}
chart-title = Netzwerkstatistik
chart-histogram = Kontakte pro Mitglied
chart-connections-axis = Kontakte (Klassen verdoppeln sich)
chart-members-axis = Mitglieder (logarithmisch)
chart-weeks = Einladungen pro Woche, letzte 12 Wochen
chart-sent = gesendet
chart-accepted = angenommen
chart-ignored = ignoriert
