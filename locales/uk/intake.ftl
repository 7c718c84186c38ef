## How a meeting takes registrations
closed-intake = На цей захід не можна зареєструватися на цьому сайті.
intake-none-short = Реєстрація не потрібна
intake-none = Просто приходьте.
intake-contact-short = Реєстрація телефоном або електронною поштою
intake-contact = Будь ласка, зареєструйтеся телефоном або електронною поштою:
intake-external-short = Реєстрація на іншому сайті
intake-external = Реєстрація на цей захід відбувається на іншому сайті.
intake-external-link = До реєстрації
