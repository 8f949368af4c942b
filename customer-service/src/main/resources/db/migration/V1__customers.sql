-- The customer master of each tenant. Every tenant-owned table carries tenant_id, first in its indexes.
-- The database decides races: unique_contacts' primary key guarantees one owner per real-world contact.

create extension if not exists pg_trgm;    -- trigram similarity on names (duplicates finder)
create extension if not exists btree_gin;  -- lets GIN indexes lead with tenant_id

create table customer (
    id                  uuid primary key,
    tenant_id           uuid        not null,
    name                text        not null,
    email               text,
    phone               text,
    -- canonical contacts, derived on every write (ContactCanonicalizer)
    email_canonical     text,
    email_local         text,        -- local part of the canonical email: "same person, other domain"
    phone_canonical     text,        -- E.164
    phone_national      text,        -- national significant number: "same number, other country code"
    external_ref        text,
    address_lines       text[]      not null default '{}',
    address_city        text,
    address_postal_code text,
    address_country     text,
    tags                text[]      not null default '{}',
    status              text        not null default 'ACTIVE'
                        check (status in ('ACTIVE', 'MERGED', 'DELETED', 'ERASED')),
    merged_into         uuid references customer (id),
    -- values of merged customers that conflicted with this (surviving) customer's own: never dropped
    merge_conflicts     jsonb       not null default '[]',
    version             bigint      not null default 0,
    created_at          timestamptz not null default now(),
    created_by          text        not null,
    updated_at          timestamptz not null default now(),
    updated_by          text        not null,
    deleted_at          timestamptz,
    deleted_by          text,
    constraint customer_merged_has_survivor check (status <> 'MERGED' or merged_into is not null),
    constraint customer_not_merged_into_itself check (merged_into <> id),
    constraint customer_deleted_has_who check (status <> 'DELETED' or (deleted_at is not null and deleted_by is not null))
);

-- Keyset pagination (ids are time-ordered UUIDv7, so id order is creation order) and status filters.
create unique index customer_tenant_id_idx on customer (tenant_id, id);
create index customer_tenant_status_id_idx on customer (tenant_id, status, id);
-- Search: name contains (trigram), email and phone prefixes, tags.
create index customer_name_trgm_idx on customer using gin (tenant_id, name gin_trgm_ops);
create index customer_email_prefix_idx on customer (tenant_id, email_canonical text_pattern_ops);
create index customer_phone_prefix_idx on customer (tenant_id, phone_canonical text_pattern_ops);
create index customer_tags_idx on customer using gin (tenant_id, tags);
-- Duplicates finder: the other signals, among active customers only.
create index customer_phone_national_idx on customer (tenant_id, phone_national) where status = 'ACTIVE';
create index customer_email_local_idx on customer (tenant_id, email_local) where status = 'ACTIVE';
create index customer_external_ref_idx on customer (tenant_id, external_ref) where status = 'ACTIVE';
create index customer_merged_into_idx on customer (tenant_id, merged_into) where merged_into is not null;

-- Who owns each canonical contact: the single source of truth. Only ACTIVE customers own contacts; merging moves
-- a source's reservations to the survivor, deleting or erasing releases them. The foreign key is checked at commit
-- so a transaction may reserve a contact before it inserts the customer that owns it.
create table unique_contacts (
    tenant_id          uuid        not null,
    kind               text        not null check (kind in ('email', 'phone')),
    canonical_value    text        not null,
    customer_id        uuid        not null references customer (id) deferrable initially deferred,
    -- the customer the contact was first reserved for (differs from customer_id after a merge)
    origin_customer_id uuid        not null,
    reserved_at        timestamptz not null default now(),
    primary key (tenant_id, kind, canonical_value)
);
create index unique_contacts_customer_idx on unique_contacts (tenant_id, customer_id);

-- Every change: who, when, what (field -> {from, to}). Erasure scrubs the "what" of an erased customer.
create table customer_history (
    id          uuid primary key,
    tenant_id   uuid        not null,
    customer_id uuid        not null references customer (id),
    version     bigint      not null,
    action      text        not null,
    changed_by  text        not null,
    changed_at  timestamptz not null default now(),
    request_id  text,
    changes     jsonb       not null default '{}'
);
create index customer_history_customer_idx on customer_history (tenant_id, customer_id, changed_at);

-- Pairs a person judged distinct: never suggested as duplicates again. Stored once, smaller id first.
create table not_duplicate (
    tenant_id   uuid        not null,
    customer_a  uuid        not null references customer (id),
    customer_b  uuid        not null references customer (id),
    decided_by  text        not null,
    decided_at  timestamptz not null default now(),
    primary key (tenant_id, customer_a, customer_b),
    constraint not_duplicate_ordered check (customer_a < customer_b)
);
