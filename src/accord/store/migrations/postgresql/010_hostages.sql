-- accord store, version 10: hostages are their own count kind. Until now a figure of hostages
-- ("3 hostages freed") was stored as prisoners, and an exchange's total mixed both sides
-- ("3 hostages for 90 prisoners" showed 93 prisoners). Events stored earlier keep their
-- figures (hostages NULL, hostage figures under prisoners) until their articles are read
-- into a new store.
ALTER TABLE events ADD COLUMN hostages BIGINT;
