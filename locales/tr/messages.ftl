# The closing lines of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = Bu mesajı “{ $meeting }” etkinliğinin düzenleyicilerinden, kayıtlı veya davetli olduğunuz için alıyorsunuz.
message-mail-registration = Kaydınız: { $link }
message-mail-invitation = Davetiniz: { $link }
message-mail-stop = Bu tür mesajları artık almak istemiyor musunuz? Kayıt sayfanızdan bunları durdurabilirsiniz.
message-mail-contact = Sorularınız için: { $contact }
message-mail-documents = Belgeler:
