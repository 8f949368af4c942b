-- Tenants are changed by platform admins (disable / re-enable) with optimistic concurrency: If-Match carries the
-- version. Listing them pages by slug (unique).
alter table tenant add column version bigint not null default 0;
