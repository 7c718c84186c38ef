## A partner contact's own calendar feed of the meetings they are invited to
partner-feed-name = Treffpunkt: دعواتي
partner-feed-description = الاجتماعات التي دُعيت إليها. تظهر التغييرات والإلغاءات تلقائيًا.
partner-feed-reply-come = ردّك: ستحضر.
partner-feed-reply-decline = ردّك: لا يمكنك الحضور.
partner-feed-reply-substitute = ردّك: سترسل من ينوب عنك.
partner-feed-reply-open = لم تردّ بعد. يمكنك الرد عبر الرابط أدناه.
