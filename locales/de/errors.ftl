error-invalid-id = Das ist keine gültige Discord-ID.
error-self-target = Das geht nicht mit dir selbst.
error-already-connected = Ihr seid bereits vernetzt.
error-invitation-pending = Du hast dieses Mitglied schon eingeladen; deine Einladung steht noch aus.
error-not-invitable = Dieses Mitglied kann derzeit nicht eingeladen werden.
error-note-too-long = Deine Notiz ist { $chars } Zeichen lang; erlaubt sind höchstens { $max }.
error-weekly-limit = Du hast in den letzten 7 Tagen { $limit } Einladungen gesendet, mehr erlaubt dieser Server nicht. Du kannst in { $wait } wieder einladen.
error-withdraw-cooldown = Du hast vor Kurzem eine Einladung an dieses Mitglied zurückgezogen. Du kannst es in { $wait } wieder einladen.
error-sending-suspended = Du kannst gerade keine Einladungen senden.
error-no-invitation-received = Von diesem Mitglied liegt keine offene Einladung vor.
error-no-invitation-sent = Du hast keine offene Einladung an dieses Mitglied.
error-not-connected = Du bist mit diesem Mitglied nicht vernetzt.
error-cap-reached = Du hast das Limit dieses Servers von { $cap } Kontakten erreicht. Entferne einen Kontakt, um Platz für einen neuen zu schaffen.
error-invitation-unavailable = Diese Einladung kann gerade nicht angenommen werden.
error-tag-empty = Ein Etikett darf nicht leer sein.
error-tag-too-long = Etiketten dürfen höchstens { $max } Zeichen lang sein.
error-too-many-tags = Ein Kontakt kann höchstens { $max } Etiketten haben.
error-limit-out-of-range = Dieses Limit muss zwischen { $min } und { $max } liegen.
error-headline-too-long = Dein Titel ist { $chars } Zeichen lang; erlaubt sind höchstens { $max }. Nichts wurde gespeichert.
error-about-too-long = Dein Info-Text ist { $chars } Zeichen lang; erlaubt sind höchstens { $max }. Nichts wurde gespeichert.
error-too-many-skills = Du hast { $count } Kenntnisse angegeben; ein Profil kann höchstens { $max } haben. Nichts wurde gespeichert.
error-skill-too-long = Die Kenntnis { $skill } ist länger als { $max } Zeichen. Nichts wurde gespeichert.
error-too-many-links = Du hast { $count } Links angegeben; ein Profil kann höchstens { $max } haben. Nichts wurde gespeichert.
error-link-too-long = { $link } ist länger als { $max } Zeichen. Nichts wurde gespeichert.
error-link-spaces = { $link } enthält Leerzeichen, das geht in einem Link nicht. Nichts wurde gespeichert.
error-link-not-https = { $link } beginnt nicht mit https:// (nur https-Links sind erlaubt). Nichts wurde gespeichert.
error-link-not-a-link = { $link } ist keine Webadresse. Nichts wurde gespeichert.
error-link-invite = { $link } ist eine Discord-Einladung; die Moderation dieses Servers erlaubt sie in Profilen nicht. Nichts wurde gespeichert.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuche es gleich noch einmal.

input-not-in-server = Dieser Befehl funktioniert nur auf einem Server.
input-bot-target = Bots können nicht Teil deines Netzwerks sein.
input-not-a-member = Diese Person ist kein Mitglied dieses Servers.
input-not-your-button = Diese Schaltfläche ist nicht für dich.
input-unknown = Diese Aktion ist nicht mehr verfügbar.
input-malformed = In dieser Anfrage fehlte etwas. Bitte versuche es noch einmal.

wait-minutes = { $count ->
    [one] 1 Minute
   *[other] { $count } Minuten
}
wait-hours = { $count ->
    [one] 1 Stunde
   *[other] { $count } Stunden
}
wait-days = { $count ->
    [one] 1 Tag
   *[other] { $count } Tagen
}
