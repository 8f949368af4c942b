-- Platform tables every service database has (shipped by fieldsales-platform-kit, location db/platform).
-- Versions 0.x sort before every service migration; see docs/adr/0003-platform-migrations.md.

-- Transactional outbox: written in the same transaction as the change, published by the relay.
create table outbox (
    id             uuid primary key,
    seq            bigint generated always as identity unique,
    tenant_id      uuid,
    aggregate_type text        not null,
    aggregate_id   text        not null,
    event_type     text        not null,
    topic          text        not null,
    payload        jsonb       not null,
    actor_id       text,
    request_id     text,
    traceparent    text,
    occurred_at    timestamptz not null default now(),
    sent_at        timestamptz,
    attempts       integer     not null default 0,
    last_error     text
);
create index outbox_pending_idx on outbox (seq) where sent_at is null;
create index outbox_sent_idx on outbox (sent_at) where sent_at is not null;

-- Wake the relay when an outbox insert commits (notifications are delivered at commit, once per transaction).
create function outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('outbox', '');
    return null;
end
$$;
create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify();

-- Idempotent consumers: one row per (consumer, event), written with the event's effect.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

-- Idempotency-Key of POST requests, scoped to tenant and user.
create table idempotency_key (
    scope            text        not null,
    user_id          text        not null,
    idem_key         text        not null,
    request_hash     text        not null,
    state            text        not null default 'in_progress' check (state in ('in_progress', 'completed')),
    response_status  integer,
    response_headers jsonb,
    response_body    text,
    created_at       timestamptz not null default now(),
    expires_at       timestamptz not null,
    primary key (scope, user_id, idem_key)
);
create index idempotency_key_expires_idx on idempotency_key (expires_at);
