-- Headquarters' PostgreSQL role and database (docs/deploy-hq.md). Run as the superuser:
--   runuser -u postgres -- psql -v ON_ERROR_STOP=1 -v hq_password='…' -f hq-postgres-setup.sql
-- The role owns only its database; it is not a superuser and cannot create roles or databases.
CREATE ROLE fieldapp_hq LOGIN PASSWORD :'hq_password' NOSUPERUSER NOCREATEDB NOCREATEROLE;
CREATE DATABASE fieldapp_hq OWNER fieldapp_hq ENCODING 'UTF8' TEMPLATE template0;
REVOKE ALL ON DATABASE fieldapp_hq FROM PUBLIC;
\connect fieldapp_hq
-- PostgreSQL 15+ no longer lets everyone create in public; the owner of the database gets it
ALTER SCHEMA public OWNER TO fieldapp_hq;
