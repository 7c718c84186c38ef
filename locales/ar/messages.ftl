# The closing line of an organiser's message to a meeting's people (the message itself is
# sent as the organiser wrote it).
message-mail-footer = تصلك هذه الرسالة من منظمي «{ $meeting }» لأنك مسجل فيه أو مدعو إليه.
