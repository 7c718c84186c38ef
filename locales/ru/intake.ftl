## How a meeting takes registrations
closed-intake = На это мероприятие нельзя зарегистрироваться на этом сайте.
intake-none-short = Регистрация не требуется
intake-none = Просто приходите.
intake-contact-short = Регистрация по телефону или электронной почте
intake-contact = Пожалуйста, зарегистрируйтесь по телефону или электронной почте:
intake-external-short = Регистрация на другом сайте
intake-external = Регистрация на это мероприятие проходит на другом сайте.
intake-external-link = Перейти к регистрации
