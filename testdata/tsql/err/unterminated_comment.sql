SELECT 1 AS one;
/* this comment never ends
SELECT 2 AS two;
