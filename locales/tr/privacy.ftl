# Abuse protection of the public forms
field-honeypot = Lütfen bu alanı boş bırakın
error-too-fast = Form çok hızlı gönderildi. Lütfen bilgilerinizi kontrol edip formu yeniden gönderin.
error-too-many = Bağlantınızdan az önce çok sayıda istek geldi. Lütfen { $minutes ->
    [one] bir dakika
   *[other] { $minutes } dakika
} sonra yeniden deneyin.

# The privacy notice (built-in text) and a person's own data
privacy-retention = Kişisel bilgileriniz etkinlikten { $days ->
    [one] bir gün
   *[other] { $days } gün
} sonra silinir (bir etkinlik için farklı bir süre belirtilmiş olabilir). Yalnızca kaç kişinin kayıt yaptırdığı ve kaç kişinin geldiği bilgisi kalır.
privacy-rights-self = Kaydınızı istediğiniz zaman size özel bağlantı üzerinden iptal edebilirsiniz. Verilerinizin bir kopyasını veya silinmesini kendiniz talep edebilirsiniz: Bunun için e-posta adresinize bir bağlantı göndeririz. Düzeltme için lütfen etkinlik sayfasında belirtilen birime başvurun.
privacy-request-link = Verilerimi görüntüle veya sil
privacy-request-title = Kayıtlı verileriniz
privacy-request-intro = Kayıt olurken kullandığınız e-posta adresini girin. Size, verilerinizi görüntüleyebileceğiniz, indirebileceğiniz veya silebileceğiniz bir bağlantı göndereceğiz. Hesap açmanıza gerek yoktur.
privacy-request-submit = Bağlantıyı gönder
privacy-request-sent = { $email } adresine ait kayıtlı veri varsa bu adrese bir bağlantı gönderdik. Bağlantı 24 saat geçerlidir.
privacy-data-title = Kayıtlı verileriniz
privacy-data-none = Bu adrese ait kayıtlı kişisel veri yok veya artık kalmadı.
privacy-data-intro = Kayıtlarınızla ilgili sakladığımız bilgilerin tamamı bunlardır.
privacy-data-when = Etkinlik tarihi
privacy-data-status = Durum
privacy-data-registered = Kayıt tarihi
privacy-data-consent = Onayladığınız gizlilik bildirimi sürümü
privacy-data-download = Dosya olarak indir (JSON)
privacy-status-confirmed = Kayıtlı
privacy-status-waiting = Bekleme listesinde
privacy-status-cancelled = İptal edildi
privacy-erase-heading = Verileri sil
privacy-erase-explain = Adınızı, e-posta adresinizi ve diğer tüm bilgilerinizi sileceğiz. Böylece yaklaşan etkinliklerdeki yerleriniz başkalarına açılır. Bu işlem geri alınamaz.
privacy-erase-submit = Tüm verilerimi sil
privacy-erased-title = Verileriniz silindi
privacy-erased-text = { $count ->
    [one] Bir kayda ait bilgiler silindi.
   *[other] { $count } kayda ait bilgiler silindi.
}
mail-data-subject = Kayıtlı verileriniz
mail-data-body =
    Merhaba,

    Kayıtlı verilerinize erişmek için bir bağlantı talep ettiniz. Bu bağlantıyla verilerinizi görüntüleyebilir, indirebilir veya silebilirsiniz:

    { $link }

    Bağlantı { $hours } saat geçerlidir. Bu bağlantıyı siz talep etmediyseniz bu e-postayı silebilirsiniz.

# The list for other websites (/embed)
embed-title = Yaklaşan etkinlikler
embed-none = Şu anda duyurulmuş bir etkinlik yok.
embed-cancelled = İptal edildi
embed-all = Tüm etkinlikler ve kayıt

# Check-in at the entrance (door page)
