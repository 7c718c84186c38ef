DROP TABLE partner_attendance;
DROP TABLE invitations;
DROP TABLE invitees;
DROP TABLE partner_contacts;
DROP TABLE partners;
