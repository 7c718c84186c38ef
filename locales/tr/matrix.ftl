## A partner contact's own calendar feed of the meetings they are invited to
partner-feed-name = Treffpunkt: davetlerim
partner-feed-description = Davet edildiğiniz toplantılar. Değişiklikler ve iptaller otomatik olarak görünür.
partner-feed-reply-come = Yanıtınız: katılıyorsunuz.
partner-feed-reply-decline = Yanıtınız: katılamıyorsunuz.
partner-feed-reply-substitute = Yanıtınız: yerinize birini gönderiyorsunuz.
partner-feed-reply-open = Henüz yanıt vermediniz. Aşağıdaki bağlantıdan yanıt verebilirsiniz.
