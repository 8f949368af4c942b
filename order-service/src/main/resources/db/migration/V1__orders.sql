-- order-service: catalog, stock ledger, pricing rules, customer projection, quotations, orders, approvals,
-- returns, credit notes and refunds. Money is numeric(19,4) + char(3); tenant_id leads every index.

create table product (
    id          uuid primary key,
    tenant_id   uuid          not null,
    sku         text          not null check (length(sku) between 1 and 64),
    name        text          not null check (length(name) between 1 and 200),
    unit_price  numeric(19,4) not null check (unit_price >= 0),
    currency    char(3)       not null,
    tax_rate    numeric(7,6)  not null check (tax_rate >= 0 and tax_rate < 1),
    active      boolean       not null default true,
    tags        text[]        not null default '{}',
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    constraint product_sku_unique unique (tenant_id, sku)
);

-- Stock per location and sku; the database itself refuses overselling.
create table stock (
    tenant_id  uuid        not null,
    location   text        not null check (length(location) between 1 and 64),
    sku        text        not null,
    on_hand    bigint      not null default 0,
    reserved   bigint      not null default 0,
    updated_at timestamptz not null default now(),
    primary key (tenant_id, location, sku),
    constraint stock_reserved_not_negative check (reserved >= 0),
    constraint stock_reserved_within_on_hand check (reserved <= on_hand)
);
create index stock_sku_idx on stock (tenant_id, sku, location);

-- Every change of on_hand is a movement: on_hand = sum(delta) per (tenant, location, sku).
create table stock_movement (
    id         uuid primary key,
    tenant_id  uuid        not null,
    location   text        not null,
    sku        text        not null,
    kind       text        not null check (kind in ('ADJUSTMENT', 'TRANSFER_OUT', 'TRANSFER_IN', 'FULFILMENT',
                                                    'RETURN', 'WRITE_OFF')),
    delta      bigint      not null check (delta <> 0),
    reason     text,
    order_id   uuid,
    return_id  uuid,
    actor_id   text        not null,
    created_at timestamptz not null default now()
);
create index stock_movement_stock_idx on stock_movement (tenant_id, location, sku, created_at);

create table pricing_rule (
    id          uuid primary key,
    tenant_id   uuid          not null,
    name        text          not null,
    priority    integer       not null,
    valid_from  timestamptz,
    valid_to    timestamptz,
    conditions  jsonb         not null,
    action      text          not null check (action in ('PERCENT_OFF', 'AMOUNT_OFF', 'FIXED_PRICE')),
    value       numeric(19,4) not null check (value >= 0),
    currency    char(3),
    exclusive   boolean       not null,
    active      boolean       not null default true,
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now(),
    check (valid_to is null or valid_from is null or valid_to > valid_from)
);
create index pricing_rule_tenant_idx on pricing_rule (tenant_id, id);

-- What order-service knows of customers (from customer.events, or customer-service when it has not heard yet).
create table customer_projection (
    tenant_id   uuid        not null,
    customer_id uuid        not null,
    status      text        not null check (status in ('ACTIVE', 'DELETED', 'ERASED', 'MERGED')),
    name        text,
    tags        text[]      not null default '{}',
    survivor_id uuid,
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, customer_id)
);

create table approval_policy (
    tenant_id               uuid primary key,
    manager_discount_above  numeric(7,4)  not null,
    finance_discount_above  numeric(7,4)  not null,
    return_value_above      numeric(19,4) not null,
    version                 bigint        not null default 0,
    updated_at              timestamptz   not null default now(),
    updated_by              text          not null
);

create table quotation (
    id           uuid primary key,
    tenant_id    uuid          not null,
    customer_id  uuid          not null,
    rep_id       text          not null,
    location     text          not null,
    status       text          not null check (status in ('DRAFT', 'SENT', 'ACCEPTED', 'REJECTED')),
    valid_until  timestamptz   not null,
    payment_terms text         not null,
    note         text,
    currency     char(3)       not null,
    subtotal     numeric(19,4) not null,
    tax          numeric(19,4) not null,
    total        numeric(19,4) not null,
    lines        jsonb         not null,
    requested_lines jsonb      not null,
    order_id     uuid,
    version      bigint        not null default 0,
    created_at   timestamptz   not null default now(),
    updated_at   timestamptz   not null default now()
);
create index quotation_list_idx on quotation (tenant_id, created_at desc, id desc);

create table customer_order (
    id            uuid primary key,
    tenant_id     uuid          not null,
    customer_id   uuid          not null,
    rep_id        text          not null,
    location      text          not null,
    status        text          not null check (status in ('PENDING_APPROVAL', 'CONFIRMED', 'FULFILLED', 'DELIVERED',
                                                           'COMPLETED', 'CANCELLED')),
    payment_terms text          not null check (payment_terms in ('COD', 'CREDIT')),
    note          text,
    currency      char(3)       not null,
    subtotal      numeric(19,4) not null check (subtotal >= 0),
    tax           numeric(19,4) not null check (tax >= 0),
    total         numeric(19,4) not null check (total >= 0),
    amount_due    numeric(19,4),
    quotation_id  uuid,
    received_by   text,
    delivered_at  timestamptz,
    version       bigint        not null default 0,
    created_at    timestamptz   not null default now(),
    updated_at    timestamptz   not null default now()
);
-- Lists: newest first with a keyset cursor (created_at, id), per filter.
create index order_list_idx on customer_order (tenant_id, created_at desc, id desc);
create index order_customer_idx on customer_order (tenant_id, customer_id, created_at desc, id desc);
create index order_status_idx on customer_order (tenant_id, status, created_at desc, id desc);
create index order_rep_idx on customer_order (tenant_id, rep_id, created_at desc, id desc);

create table order_line (
    order_id    uuid          not null references customer_order (id),
    line_no     integer       not null,
    tenant_id   uuid          not null,
    sku         text          not null,
    quantity    bigint        not null check (quantity > 0),
    subtotal    numeric(19,4) not null check (subtotal >= 0),
    tax         numeric(19,4) not null check (tax >= 0),
    total       numeric(19,4) not null check (total >= 0),
    -- the frozen priced line with its explanation (PricedLine as JSON): never re-priced implicitly
    priced      jsonb         not null,
    primary key (order_id, line_no)
);

create table reservation (
    order_id  uuid   not null references customer_order (id),
    sku       text   not null,
    tenant_id uuid   not null,
    location  text   not null,
    quantity  bigint not null check (quantity >= 0),
    status    text   not null check (status in ('HELD', 'RELEASED', 'FULFILLED')),
    primary key (order_id, sku)
);

create table order_status_change (
    id          uuid primary key,
    order_id    uuid        not null references customer_order (id),
    tenant_id   uuid        not null,
    from_status text,
    to_status   text        not null,
    actor_id    text        not null,
    reason      text,
    at          timestamptz not null default now()
);
create index order_status_change_idx on order_status_change (order_id, at);

create table approval (
    id           uuid primary key,
    tenant_id    uuid        not null,
    subject_type text        not null check (subject_type in ('ORDER', 'RETURN')),
    subject_id   uuid        not null,
    order_id     uuid        not null,
    customer_id  uuid        not null,
    requester_id text        not null,
    status       text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'SUPERSEDED')),
    steps        jsonb       not null,
    reason       text        not null,
    version      bigint      not null default 0,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index approval_pending_idx on approval (tenant_id, status, created_at, id);
create unique index approval_one_pending_per_subject on approval (subject_id) where status = 'PENDING';

create table order_return (
    id          uuid primary key,
    tenant_id   uuid          not null,
    order_id    uuid          not null references customer_order (id),
    customer_id uuid          not null,
    status      text          not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED')),
    lines       jsonb         not null,
    currency    char(3)       not null,
    subtotal    numeric(19,4) not null,
    tax         numeric(19,4) not null,
    total       numeric(19,4) not null,
    location    text,
    condition   text check (condition in ('RESALEABLE', 'DAMAGED')),
    requested_by text         not null,
    version     bigint        not null default 0,
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);
create index order_return_order_idx on order_return (order_id);

create table return_line (
    return_id uuid   not null references order_return (id),
    order_id  uuid   not null,
    sku       text   not null,
    quantity  bigint not null check (quantity > 0),
    primary key (return_id, sku)
);
create index return_line_order_idx on return_line (order_id, sku);

create table credit_note (
    id          uuid primary key,
    tenant_id   uuid          not null,
    order_id    uuid          not null references customer_order (id),
    return_id   uuid          not null unique references order_return (id),
    customer_id uuid          not null,
    currency    char(3)       not null,
    amount      numeric(19,4) not null check (amount >= 0),
    refunded    numeric(19,4) not null default 0,
    created_at  timestamptz   not null default now(),
    constraint credit_note_refunds_within_amount check (refunded >= 0 and refunded <= amount)
);
create index credit_note_tenant_idx on credit_note (tenant_id, created_at desc, id desc);

create table refund (
    id             uuid primary key,
    tenant_id      uuid          not null,
    credit_note_id uuid          not null references credit_note (id),
    order_id       uuid          not null,
    method         text          not null check (method in ('CASH', 'ORIGINAL_PAYMENT', 'STORE_CREDIT')),
    amount         numeric(19,4) not null check (amount > 0),
    currency       char(3)       not null,
    refunded_by    text          not null,
    created_at     timestamptz   not null default now()
);
create index refund_credit_note_idx on refund (credit_note_id);
