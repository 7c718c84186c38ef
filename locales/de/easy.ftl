# A meeting's Leichte Sprache version (easy-to-read German), behind a switch on its page.
easy-read-on = Diese Veranstaltung in Leichter Sprache
easy-read-off = Zurück zum Original-Text
easy-read-shown = Sie lesen diese Veranstaltung in Leichter Sprache.
