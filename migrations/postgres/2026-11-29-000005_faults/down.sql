DROP TABLE request_mails;
