# A meeting's Leichte Sprache version (easy-to-read German), behind a switch on its page.
easy-read-on = Проста німецька мова (Leichte Sprache)
easy-read-off = Повернутися до повного тексту
easy-read-shown = Ви читаєте про цю зустріч простою німецькою мовою (Leichte Sprache).
