## Tagesordnung, Unterlagen, Protokoll und Online-Teilnahme auf öffentlichen Seiten und in Mails
agenda-heading = Tagesordnung
documents-heading = Unterlagen
agenda-empty = Die Tagesordnung ist zurzeit leer.
agenda-update-subject = Aktualisierte Tagesordnung: { $title }
agenda-update-intro = die Tagesordnung für „{ $title }“ am { $when } wurde geändert. So sieht sie jetzt aus:
agenda-update-own-page = Ihre Anmeldung mit allen Unterlagen:
online-heading = Online teilnehmen
online-explain = Diese Veranstaltung findet auch online statt. Über diesen Link nehmen Sie per Videokonferenz teil:
online-from = Diese Veranstaltung findet auch online statt. Der Link zur Videokonferenz erscheint hier ab { $from }.
online-mail-link = Online teilnehmen (Videokonferenz):
online-mail-from = Sie können auch online teilnehmen: Der Link zur Videokonferenz steht ab { $from } auf Ihrer Anmeldeseite.
minutes-title = Protokoll
minutes-draft = Vorschau: Dieses Protokoll ist noch nicht veröffentlicht.
minutes-mail-subject = Protokoll: { $title }
minutes-mail-body = das Protokoll der Sitzung „{ $title }“ vom { $when } ist veröffentlicht. Sie finden es hier:
