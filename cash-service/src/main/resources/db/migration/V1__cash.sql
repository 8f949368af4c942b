-- cash-service: cash sessions (blind count, tiered four-eyes variance), collections, payouts, receivables, deposits.
-- Money is numeric(19,4) + char(3) ISO currency; tenant_id is first in every index; constraints decide races.

create table cash_policy (
    tenant_id            uuid primary key,
    auto_accept_below    numeric(19,4) not null check (auto_accept_below >= 0),
    supervisor_below     numeric(19,4) not null,
    credit_days          integer       not null check (credit_days between 0 and 365),
    deposit_confirm_days integer       not null check (deposit_confirm_days between 1 and 90),
    updated_by           text          not null,
    updated_at           timestamptz   not null default now(),
    check (supervisor_below >= auto_accept_below)
);

create table cash_session (
    id                 uuid primary key,
    tenant_id          uuid          not null,
    owner_id           text          not null,
    location           text,
    device_id          text,
    currency           char(3)       not null,
    opening_float      numeric(19,4) not null check (opening_float >= 0),
    status             text          not null check (status in
                           ('OPEN', 'COUNTING', 'PENDING_APPROVAL', 'CLOSED', 'DEPOSITED', 'RECONCILED')),
    -- running totals, kept in the same transaction as each collection/payout (the session row lock orders them)
    cash_total         numeric(19,4) not null default 0 check (cash_total >= 0),
    cheque_total       numeric(19,4) not null default 0 check (cheque_total >= 0),
    mobile_money_total numeric(19,4) not null default 0 check (mobile_money_total >= 0),
    card_total         numeric(19,4) not null default 0 check (card_total >= 0),
    payouts_total      numeric(19,4) not null default 0 check (payouts_total >= 0),
    collections_count  integer       not null default 0,
    -- the latest count
    counted_cash       numeric(19,4) check (counted_cash >= 0),
    expected_cash      numeric(19,4),
    variance           numeric(19,4),
    variance_tier      text check (variance_tier in ('AUTO', 'SUPERVISOR', 'FINANCE')),
    approval_step      text check (approval_step in ('SUPERVISOR', 'FINANCE')),
    latest_count_id    uuid,
    shortage_receivable_id uuid,
    deposit_id         uuid,
    opened_at          timestamptz   not null,
    closed_at          timestamptz,
    decided_at         timestamptz,
    updated_at         timestamptz   not null,
    check (status <> 'PENDING_APPROVAL' or approval_step is not null),
    check (status not in ('CLOSED', 'DEPOSITED', 'RECONCILED') or counted_cash is not null)
);
-- At most one OPEN or COUNTING session per owner: the database decides the race between two opens.
create unique index cash_session_one_active_per_owner on cash_session (tenant_id, owner_id)
    where status in ('OPEN', 'COUNTING');
create index cash_session_tenant_idx on cash_session (tenant_id, id);
create index cash_session_owner_idx on cash_session (tenant_id, owner_id, id);
create index cash_session_status_idx on cash_session (tenant_id, status, owner_id);
create index cash_session_closed_at_idx on cash_session (tenant_id, closed_at) where closed_at is not null;

-- Every count of a session, never overwritten: a rejected count stays beside the recount.
create table cash_count (
    id            uuid primary key,
    tenant_id     uuid          not null,
    session_id    uuid          not null references cash_session (id),
    seq           integer       not null,
    counted_cash  numeric(19,4) not null check (counted_cash >= 0),
    expected_cash numeric(19,4) not null,
    variance      numeric(19,4) not null,
    variance_tier text          not null check (variance_tier in ('AUTO', 'SUPERVISOR', 'FINANCE')),
    denominations text,  -- JSON [{value, count}], as handed in
    outcome       text          not null check (outcome in ('ACCEPTED', 'PENDING', 'APPROVED', 'REJECTED')),
    counted_by    text          not null,
    counted_at    timestamptz   not null,
    unique (session_id, seq)
);
create index cash_count_session_idx on cash_count (tenant_id, session_id, seq);

-- One decision per step of a count: two supervisors racing on one step, one insert wins.
create table variance_decision (
    id          uuid primary key,
    tenant_id   uuid        not null,
    session_id  uuid        not null references cash_session (id),
    count_id    uuid        not null references cash_count (id),
    step        text        not null check (step in ('SUPERVISOR', 'FINANCE')),
    decision    text        not null check (decision in ('APPROVE', 'REJECT')),
    reason_code text check (reason_code in ('COUNT_ERROR', 'THEFT_SUSPECTED', 'CHANGE_GIVEN_WRONG', 'OTHER')),
    comment     text,
    decided_by  text        not null,
    decided_at  timestamptz not null,
    unique (count_id, step)
);
create index variance_decision_session_idx on variance_decision (tenant_id, session_id, decided_at);

create table receivable (
    id              uuid primary key,
    tenant_id       uuid          not null,
    kind            text          not null check (kind in ('ORDER', 'REP_SHORTAGE')),
    order_id        uuid,
    customer_id     uuid,
    rep_id          text,
    location        text,
    cash_session_id uuid references cash_session (id),
    payment_terms   text check (payment_terms in ('COD', 'CREDIT')),
    amount_due      numeric(19,4) not null check (amount_due > 0),
    amount_paid     numeric(19,4) not null default 0 check (amount_paid >= 0),
    currency        char(3)       not null,
    due_date        date          not null,
    status          text          not null check (status in ('OPEN', 'SETTLED')),
    opened_at       timestamptz   not null,
    settled_at      timestamptz,
    -- the database, not only the application, guarantees a receivable is never over-allocated
    check (amount_paid <= amount_due),
    check ((status = 'SETTLED') = (amount_paid = amount_due)),
    check (kind <> 'ORDER' or order_id is not null)
);
create unique index receivable_order_uq on receivable (tenant_id, order_id) where kind = 'ORDER';
create unique index receivable_shortage_uq on receivable (tenant_id, cash_session_id) where kind = 'REP_SHORTAGE';
create index receivable_list_idx on receivable (tenant_id, status, id);
create index receivable_customer_idx on receivable (tenant_id, customer_id, id);
create index receivable_rep_idx on receivable (tenant_id, rep_id, id);

create table collection (
    id               uuid primary key,
    tenant_id        uuid          not null,
    session_id       uuid          not null references cash_session (id),
    owner_id         text          not null,
    amount           numeric(19,4) not null check (amount > 0),
    currency         char(3)       not null,
    method           text          not null check (method in ('CASH', 'CHEQUE', 'MOBILE_MONEY', 'CARD')),
    order_id         uuid,
    customer_id      uuid,
    reference        text,
    allocated_amount numeric(19,4) not null default 0 check (allocated_amount >= 0 and allocated_amount <= amount),
    created_at       timestamptz   not null
);
create index collection_session_idx on collection (tenant_id, session_id, id);
-- collections waiting for their order's receivable (the delivery event is late)
create index collection_unallocated_idx on collection (tenant_id, order_id, id)
    where order_id is not null and allocated_amount < amount;

create table receivable_payment (
    id            uuid primary key,
    tenant_id     uuid          not null,
    receivable_id uuid          not null references receivable (id),
    amount        numeric(19,4) not null check (amount > 0),
    currency      char(3)       not null,
    method        text          not null check (method in ('BANK_TRANSFER', 'CHEQUE')),
    reference     text          not null,
    recorded_by   text          not null,
    recorded_at   timestamptz   not null
);
create index receivable_payment_idx on receivable_payment (tenant_id, receivable_id);

-- What paid a receivable: a collection or a finance payment, exactly one of them.
create table allocation (
    id            uuid primary key,
    tenant_id     uuid          not null,
    receivable_id uuid          not null references receivable (id),
    collection_id uuid references collection (id),
    payment_id    uuid references receivable_payment (id),
    amount        numeric(19,4) not null check (amount > 0),
    created_at    timestamptz   not null,
    check ((collection_id is null) <> (payment_id is null))
);
create unique index allocation_collection_uq on allocation (receivable_id, collection_id) where collection_id is not null;
create index allocation_receivable_idx on allocation (tenant_id, receivable_id);

create table payout (
    id         uuid primary key,
    tenant_id  uuid          not null,
    session_id uuid          not null references cash_session (id),
    amount     numeric(19,4) not null check (amount > 0),
    currency   char(3)       not null,
    reason     text          not null,
    refund_id  uuid,
    created_by text          not null,
    created_at timestamptz   not null
);
create index payout_session_idx on payout (tenant_id, session_id, id);
create unique index payout_refund_uq on payout (tenant_id, refund_id) where refund_id is not null;

-- CASH refunds of orders waiting for their rep to open a session.
create table pending_refund (
    refund_id       uuid primary key,
    tenant_id       uuid          not null,
    rep_id          text          not null,
    order_id        uuid,
    customer_id     uuid,
    credit_note_id  uuid,
    amount          numeric(19,4) not null check (amount > 0),
    currency        char(3)       not null,
    received_at     timestamptz   not null,
    applied_payout_id uuid,
    applied_at      timestamptz
);
create index pending_refund_rep_idx on pending_refund (tenant_id, rep_id) where applied_payout_id is null;

create table deposit (
    id                 uuid primary key,
    tenant_id          uuid          not null,
    bank_account       text          not null,
    slip_number        text          not null,
    amount             numeric(19,4) not null check (amount > 0),
    expected_amount    numeric(19,4) not null,
    currency           char(3)       not null,
    deposited_at       timestamptz   not null,
    discrepancy_reason text,
    flagged            boolean       not null,
    status             text          not null check (status in ('DEPOSITED', 'CONFIRMED', 'DISPUTED')),
    bank_reference     text,
    confirmed_amount   numeric(19,4),
    difference         numeric(19,4),
    created_by         text          not null,
    created_at         timestamptz   not null,
    confirmed_by       text,
    confirmed_at       timestamptz,
    check (status = 'DEPOSITED' or confirmed_amount is not null)
);
create index deposit_list_idx on deposit (tenant_id, status, id);
create index deposit_tenant_idx on deposit (tenant_id, id);

-- A session is in at most one deposit: the primary key decides two deposits racing for one session.
create table deposit_session (
    session_id uuid primary key references cash_session (id),
    deposit_id uuid not null references deposit (id),
    tenant_id  uuid not null
);
create index deposit_session_deposit_idx on deposit_session (deposit_id);
