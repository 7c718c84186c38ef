## Questions of a meeting
answer-yes = Ja
answer-no = Nein
answer-choose = Bitte wählen (keine Angabe)
field-health-consent = Ich willige ein, dass meine Angaben zu Gesundheit, Barrierefreiheit und Dolmetschbedarf nur zur Vorbereitung dieser Veranstaltung verarbeitet und nur den Veranstaltenden dieses Termins gezeigt werden (Art. 9 Abs. 2 lit. a DSGVO). Ich kann die Einwilligung jederzeit widerrufen.
error-answer-required = Bitte beantworten Sie diese Frage.
error-answer-one = Bitte geben Sie hier nur eine Antwort.
error-answer-too-long = Diese Antwort ist zu lang.
error-answer-choice = Bitte wählen Sie eine der angebotenen Antworten.
error-answer-number = Bitte geben Sie eine ganze Zahl von 0 bis 999 an.
error-health-consent-missing = Für Angaben zu Gesundheit, Barrierefreiheit oder Dolmetschen brauchen wir Ihre Einwilligung. Setzen Sie das Häkchen oder lassen Sie diese Fragen leer.
question-removed = entfernt
your-answers = Ihre Angaben
preset-interpreting-label = Dolmetschen: In welche Sprache?
preset-interpreting-help = Wenn Sie eine Übersetzung brauchen, wählen Sie die Sprache. Lassen Sie das Feld leer, wenn Sie keine brauchen.
preset-interpreting-options =
    Arabisch
    Dari
    Farsi
    Kurdisch (Kurmandschi)
    Paschtu
    Russisch
    Ukrainisch
    Türkisch
    Tigrinya
    Somali
    Englisch
    Französisch
    Andere Sprache
preset-childcare_count-label = Kinderbetreuung: Für wie viele Kinder?
preset-childcare_count-help = Lassen Sie das Feld leer, wenn Sie keine Kinderbetreuung brauchen.
preset-childcare_ages-label = Alter der Kinder
preset-childcare_ages-help = Zum Beispiel: 2 und 5 Jahre.
preset-accessibility-label = Barrierefreiheit: Was brauchen Sie?
preset-accessibility-help = Kreuzen Sie an, was wir vorbereiten sollen.
preset-accessibility-options =
    Rollstuhlplatz
    Gebärdensprachdolmetschen
    Induktionsschleife (Hörschleife)
    Anderes (bitte unter Barrierefreiheit beschreiben)
preset-photos-label = Sind Sie einverstanden, dass bei der Veranstaltung Fotos gemacht werden, auf denen Sie zu sehen sind?
preset-photos-help = Die Fotos können in der Öffentlichkeitsarbeit des Landratsamts verwendet werden.
