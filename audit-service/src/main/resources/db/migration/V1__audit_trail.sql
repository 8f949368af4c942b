-- audit-service: the append-only, hash-chained audit trail of every tenant, and what protects it.
-- See audit-service/README.md ("Database roles") for the role model.

-- Runtime role. The service connects as its login role and switches to audit_writer on every connection
-- (startup parameter role=audit_writer), which may only read and append. A DBA creates it once per cluster:
--   create role audit_writer nologin; grant audit_writer to <service login role>;
-- The migration creates it itself when its role may (local stack, superuser).
do $$
begin
    if not exists (select 1 from pg_roles where rolname = 'audit_writer') then
        begin
            create role audit_writer nologin;
        exception when insufficient_privilege then
            raise exception 'role audit_writer is missing: run "create role audit_writer nologin; grant audit_writer to %;" as a database administrator', current_user;
        end;
    end if;
    if not pg_has_role(current_user, 'audit_writer', 'MEMBER') then
        begin
            execute format('grant audit_writer to %I', current_user);
        exception when insufficient_privilege then
            raise exception 'role % must be a member of audit_writer: run "grant audit_writer to %;" as a database administrator', current_user, current_user;
        end;
    end if;
end
$$;

-- One row per stored event. Per tenant, sequence runs 1, 2, 3, ... without gaps (until a retention purge
-- removes a prefix) and hash = SHA-256(prev_hash || canonical bytes of the row), see domain/CanonicalRecord.
create table audit_event (
    tenant_id   uuid        not null,
    sequence    bigint      not null check (sequence > 0),
    event_id    uuid        not null,
    event_type  text        not null,
    source      text,
    topic       text        not null,
    entity_type text,
    entity_id   text,
    actor_id    text,
    request_id  text,
    occurred_at timestamptz,
    received_at timestamptz not null,
    pii_subject text,
    refs        text[]      not null default '{}',
    data        jsonb       not null,
    prev_hash   bytea       not null check (length(prev_hash) = 32),
    hash        bytea       not null check (length(hash) = 32),
    primary key (tenant_id, sequence)
);
-- Each CloudEvent is stored once, whichever tenant it claims.
create unique index audit_event_event_id_uq on audit_event (event_id);
-- Filters of GET /audit/events, each ending in sequence for keyset pagination newest first.
create index audit_event_entity_idx on audit_event (tenant_id, entity_type, entity_id, sequence);
create index audit_event_actor_idx on audit_event (tenant_id, actor_id, sequence);
create index audit_event_type_idx on audit_event (tenant_id, event_type, sequence);
create index audit_event_request_idx on audit_event (tenant_id, request_id, sequence) where request_id is not null;
create index audit_event_occurred_idx on audit_event (tenant_id, occurred_at);
create index audit_event_received_idx on audit_event (tenant_id, received_at);
-- Timeline: events of other records that reference this one (an order's customerId, a payment's orderId).
create index audit_event_refs_idx on audit_event using gin (refs);

-- The end of each tenant's chain; appends lock this row FOR UPDATE, so concurrent consumers never fork the chain.
create table audit_chain_head (
    tenant_id     uuid        primary key,
    last_sequence bigint      not null,
    last_hash     bytea       not null,
    updated_at    timestamptz not null default now()
);

-- Append-only: UPDATE, DELETE and TRUNCATE are rejected for everyone (the writer role also lacks the grants),
-- except the DELETE issued by audit_purge() below.
create function audit_reject_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'audit_event' and current_setting('audit.purging', true) = 'on' then
        return old;
    end if;
    raise exception '% is append-only: % rejected', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_event_append_only before update or delete on audit_event
    for each row execute function audit_reject_change();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_reject_change();

-- Signed checkpoints (the external anchor): what was signed (statement) and the signature over its UTF-8 bytes.
create table audit_checkpoint (
    id         uuid        primary key,
    tenant_id  uuid        not null,
    kind       text        not null check (kind in ('scheduled', 'on_demand', 'purge')),
    sequence   bigint      not null,
    hash       bytea       not null,
    signed_at  timestamptz not null,
    key_id     text        not null,
    algorithm  text        not null,
    public_key text        not null,
    statement  text        not null,
    signature  bytea       not null
);
create index audit_checkpoint_tenant_idx on audit_checkpoint (tenant_id, signed_at desc, id);
create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_reject_change();

-- Crypto-shredding: one data key per subject (e.g. customer:<id>), wrapped with the service's key-encryption key.
-- Erasure destroys it (wrapped_key null), for good: a destroyed key is never replaced.
create table subject_key (
    tenant_id    uuid        not null,
    subject      text        not null,
    wrapped_key  bytea,
    created_at   timestamptz not null default now(),
    destroyed_at timestamptz,
    primary key (tenant_id, subject),
    check ((wrapped_key is null) = (destroyed_at is not null))
);
create function subject_key_stays_destroyed() returns trigger language plpgsql as $$
begin
    if old.destroyed_at is not null then
        raise exception 'subject key % was destroyed', old.subject using errcode = 'insufficient_privilege';
    end if;
    return new;
end
$$;
create trigger subject_key_stays_destroyed before update on subject_key
    for each row execute function subject_key_stays_destroyed();

-- Retention per tenant (days); no row = keep forever.
create table audit_retention (
    tenant_id      uuid        primary key,
    retention_days integer     not null check (retention_days >= 0),
    updated_at     timestamptz not null default now(),
    updated_by     text
);

-- What each purge removed: the chain after it starts from last_purged_hash.
create table audit_purge (
    tenant_id            uuid        not null,
    last_purged_sequence bigint      not null,
    last_purged_hash     bytea       not null,
    purged_count         bigint      not null,
    purged_before        timestamptz not null,
    purged_at            timestamptz not null default now(),
    primary key (tenant_id, last_purged_sequence)
);

-- The only way rows leave audit_event: a whole prefix of one tenant's chain, rows received before p_before
-- (and at most up to p_up_to), under the tenant's chain lock. Runs as the table owner; the writer role may
-- only EXECUTE it.
create function audit_purge(p_tenant uuid, p_before timestamptz, p_up_to bigint)
    returns table (purged_count bigint, last_purged_sequence bigint, last_purged_hash bytea)
    language plpgsql security definer set search_path = public, pg_temp as $$
declare
    v_head bigint;
    v_last bigint;
    v_hash bytea;
    v_count bigint;
begin
    select h.last_sequence into v_head from audit_chain_head h where h.tenant_id = p_tenant for update;
    if v_head is null then
        return;
    end if;
    select coalesce(min(e.sequence), v_head + 1) - 1 into v_last
        from audit_event e where e.tenant_id = p_tenant and e.received_at >= p_before;
    if p_up_to is not null and p_up_to < v_last then
        v_last := p_up_to;
    end if;
    select e.hash into v_hash from audit_event e where e.tenant_id = p_tenant and e.sequence = v_last;
    if v_hash is null then
        return; -- nothing (left) to purge
    end if;
    perform set_config('audit.purging', 'on', true);
    delete from audit_event e where e.tenant_id = p_tenant and e.sequence <= v_last;
    get diagnostics v_count = row_count;
    perform set_config('audit.purging', 'off', true);
    insert into audit_purge (tenant_id, last_purged_sequence, last_purged_hash, purged_count, purged_before)
        values (p_tenant, v_last, v_hash, v_count, p_before);
    return query select v_count, v_last, v_hash;
end
$$;

revoke all on audit_event, audit_chain_head, audit_checkpoint, subject_key, audit_retention, audit_purge from public;
revoke execute on function audit_purge(uuid, timestamptz, bigint) from public;
grant select, insert on audit_event to audit_writer;
grant select, insert, update on audit_chain_head to audit_writer;
grant select, insert on audit_checkpoint to audit_writer;
grant select, insert, update on subject_key to audit_writer;
grant select, insert, update on audit_retention to audit_writer;
grant select on audit_purge to audit_writer;
grant execute on function audit_purge(uuid, timestamptz, bigint) to audit_writer;
-- The platform's tables (outbox relay, idempotent consumers, Idempotency-Key) run under the same role.
grant select, insert, update, delete on outbox, processed_event, idempotency_key to audit_writer;
grant usage, select on all sequences in schema public to audit_writer;
