## How a meeting takes registrations
closed-intake = Bu etkinliğe bu sayfa üzerinden kayıt olunamaz.
intake-none-short = Kayıt gerekmiyor
intake-none = Doğrudan gelebilirsiniz.
intake-contact-short = Telefonla veya e-postayla kayıt
intake-contact = Lütfen telefonla veya e-postayla kaydolun:
intake-external-short = Başka bir sayfada kayıt
intake-external = Bu etkinliğe kayıt başka bir sayfada yapılıyor.
intake-external-link = Kayda git
