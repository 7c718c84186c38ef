DROP TABLE need_alerted;
DROP TABLE need_reminders;
DROP TABLE need_alerts;
DROP TABLE needs_arranged;
