create table widget (
    id        uuid primary key,
    tenant_id uuid   not null,
    name      text   not null,
    version   bigint not null
);
create table consumed_effect (
    event_id uuid not null,
    note     text
);
