-- Run once by the postgres image on an empty volume: one database and owner role per service, passwords from the
-- container's environment (deploy/compose/.env).
\set identity_pw `echo "$IDENTITY_DB_PASSWORD"`
\set customers_pw `echo "$CUSTOMERS_DB_PASSWORD"`
\set orders_pw `echo "$ORDERS_DB_PASSWORD"`
\set cash_pw `echo "$CASH_DB_PASSWORD"`
\set audit_pw `echo "$AUDIT_DB_PASSWORD"`
create role identity login password :'identity_pw';
create database identity owner identity;
create role customers login password :'customers_pw';
create database customers owner customers;
create role orders login password :'orders_pw';
create database orders owner orders;
create role cash login password :'cash_pw';
create database cash owner cash;
create role audit login password :'audit_pw';
create database audit owner audit;
-- audit-service works as audit_writer (append and read only); its migration expects the role.
create role audit_writer nologin;
grant audit_writer to audit;
