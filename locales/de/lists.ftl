connections-expired = Diese Liste ist abgelaufen. Führe /connections noch einmal aus.
connections-heading = **Deine Kontakte**
connections-matching = mit „{ $search }“
connections-tagged = mit Etikett { $tag }
connections-none-match = Keine passenden Kontakte.
connections-none = Du hast noch keine Kontakte. Lade jemanden mit `/invite` ein oder sieh dir unter `/suggestions` Personen an, die du kennen könntest.
connections-line = { $member } — vernetzt { $when }
connections-remove-menu = Einen Kontakt entfernen …
tag-added = { $member } hat jetzt das Etikett { $tag }. Nur du siehst deine Etiketten.
tag-removed = Etikett { $tag } von { $member } entfernt.
tag-absent = { $member } hat von dir kein Etikett { $tag }.
setting-on = an
setting-off = aus
settings-shown = **Deine Einstellungen**
    Wer dich einladen darf: { $policy }
    Einladungen automatisch annehmen: { $auto_accept }
    Benachrichtigungen per DM: { $dms }
    Wer dein Profil sieht: { $visibility }
    Niemand erfährt deine Einstellungen: Abgelehnte Einladungen bekommen alle dieselbe neutrale Antwort.
settings-saved = Gespeichert. { settings-shown }
mydata-delete-ask = Alle deine Netzwerkdaten auf diesem Server löschen? Deine Kontakte, Einladungen, Etiketten, Einstellungen und die Namen, die der Bot von dir kennt, werden gelöscht, und niemand wird benachrichtigt. Das lässt sich nicht rückgängig machen.
button-delete-my-data = Meine Daten löschen
mydata-exported = Hier ist alles, was der Bot auf diesem Server über dich speichert. Was andere über dich speichern (etwa wen sie entfernt haben), gehört ihnen und ist nicht enthalten.
mydata-deleted = Deine Netzwerkdaten auf diesem Server wurden gelöscht.
nothing-changed = Alles klar, nichts wurde geändert.
not-moderator = Das können nur Mitglieder, die diesen Server verwalten dürfen.
remove-member-ask = Die Netzwerkdaten von { $member } auf diesem Server löschen? Kontakte, Einladungen, Etiketten und Einstellungen werden gelöscht; die Person wird nicht benachrichtigt. Das Moderationsprotokoll vermerkt, dass du es warst.
button-erase-their-data = Daten löschen
profile-cleared = Das Profil von { $member } wurde geleert. Die Kontakte bleiben; die Person wird nicht benachrichtigt. Das Moderationsprotokoll vermerkt, dass du es warst.
profile-nothing-to-clear = { $member } hat kein Profil, das geleert werden könnte.
network-stats = **Netzwerkstatistik**
    Mitglieder im Netzwerk: { $members }
    Kontakte: { $connections }
    Offene Einladungen: { $pending }
    Einladungen in den letzten 7 Tagen: { $sent }
    Kontakte pro Mitglied: Median { $median }, höchstens { $most }
limits-shown = **Limits**
    Einladungen pro Mitglied in 7 Tagen: { $per_week }
    Kontakte pro Mitglied: { $cap }
    Meldungen in 30 Tagen bis zur Sperre: { $reports }
    Discord-Einladungslinks in Profilen: { $links }
limits-saved = Gespeichert. { limits-shown }
limits-links-allowed = erlaubt
limits-links-not-allowed = nicht erlaubt
member-erased = Die Netzwerkdaten von { $member } auf diesem Server wurden gelöscht.
member-restored = { $member } wurde freigegeben und kann wieder Einladungen senden.
reports-heading = **Gemeldete Absender** („Ich kenne diese Person nicht“, letzte 30 Tage)
reports-none = Niemand wurde gemeldet.
reports-line = { $member } — { $count ->
    [one] 1 Meldung
   *[other] { $count } Meldungen
}
reports-suspended = gesperrt { $when }
button-restore-name = { $name } freigeben
