# The closing lines of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = تصلك هذه الرسالة من منظمي «{ $meeting }» لأنك مسجل فيه أو مدعو إليه.
message-mail-registration = تسجيلك: { $link }
message-mail-invitation = دعوتك: { $link }
message-mail-stop = لا تريد مثل هذه الرسائل بعد الآن؟ يمكنك إيقافها في صفحة تسجيلك.
message-mail-contact = للاستفسار: { $contact }
message-mail-documents = المستندات:
