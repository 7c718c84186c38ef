# Verwaltung: Erklärung zur Barrierefreiheit, gemeldete Barrieren, Gebärdensprach-Videos
access-admin-nav = Barrierefreiheit
access-admin-feedback-nav = Gemeldete Barrieren
access-admin-videos-nav = Gebärdensprache
access-admin-title = Erklärung zur Barrierefreiheit
access-admin-version = Veröffentlicht ist Fassung { $version }.
access-admin-builtin = Noch gilt die eingebaute Erklärung. Sie steht unten als Entwurf; die mit „[Bitte ergänzen: …]“ markierten Stellen füllt die Behörde aus.
access-admin-see = Öffentliche Seite ansehen
access-admin-help = Markdown, gegliedert wie die Muster-Erklärung nach BITV 2.0 (Stand der Vereinbarkeit, nicht barrierefreie Inhalte, Erstellung, Feedback und Kontakt, Schlichtungsverfahren). Jede Änderung wird als neue Fassung veröffentlicht. Der englische Text gilt für alle Sprachen außer Deutsch; ohne ihn gilt der deutsche. Das Formular „Barriere melden“ steht immer unter der Erklärung.
access-admin-de = Erklärung auf Deutsch
access-admin-en = Erklärung auf Englisch
access-admin-publish = Als neue Fassung veröffentlichen
access-admin-saved = Die neue Fassung der Erklärung ist veröffentlicht.
access-admin-feedback-title = Gemeldete Barrieren
access-admin-feedback-open = { $count ->
    [one] Eine Meldung ist noch nicht beantwortet.
   *[other] { $count } Meldungen sind noch nicht beantwortet.
}
access-admin-feedback-empty = Bisher wurde keine Barriere gemeldet.
access-admin-col-what = Meldung
access-admin-col-page = Seite
access-admin-col-contact = Kontakt
access-admin-state-new = Neu
access-admin-state-answered = Beantwortet am { $date }
access-admin-mark-answered = Als beantwortet markieren
access-admin-answered-done = Die Meldung ist als beantwortet markiert.
access-admin-videos-title = Videos in Deutscher Gebärdensprache
access-admin-videos-help = Je Erklärung ein Video: eine Datei (MP4 oder WebM, höchstens { $mb } MB) oder die https-Adresse des eigenen Videoservers. Solange ein Video fehlt, nennt die Seite den Kontakt.
access-admin-video-file = Datei:
access-admin-video-url = Adresse:
access-admin-video-none = Noch kein Video.
access-admin-video-url-label = Adresse des Videos (https)
access-admin-video-url-help = Nur wenn keine Datei hochgeladen wird.
access-admin-video-duration-label = Länge (mm:ss)
access-admin-video-duration-help = Wird bei MP4- und WebM-Dateien aus der Datei gelesen; sonst hier angeben.
access-admin-video-file-label = Videodatei (MP4 oder WebM)
access-admin-video-file-help = Höchstens { $mb } MB. Eine neue Datei ersetzt die bisherige.
access-admin-video-save = Video speichern
access-admin-video-remove = Video entfernen
access-video-saved = Das Video ist gespeichert.
access-video-removed = Das Video ist entfernt.
access-video-not-video = Diese Datei ist kein MP4- oder WebM-Video.
access-video-too-large = Diese Datei ist zu groß.
access-video-missing = Bitte wählen Sie eine Datei oder geben Sie eine Adresse an.
access-video-url-invalid = Bitte geben Sie eine Adresse an, die mit https:// beginnt.
access-video-duration-invalid = Bitte geben Sie die Länge als Minuten:Sekunden an, z. B. 2:30.
access-mail-subject = Barriere gemeldet (Nr. { $id })
access-mail-body = Auf der Seite „Barriere melden“ kam eine Meldung:
    
    { $what }
    
    Seite: { $page }
    Kontakt: { $contact }
    Sprache der Seite: { $lang }
    
    Alle Meldungen (dort als beantwortet markieren): { $link }
access-mail-none = (keine Angabe)
