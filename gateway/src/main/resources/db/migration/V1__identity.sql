-- Identity: tenants, their users (with roles), refresh-token families and the token signing keys.

create table tenant (
    id         uuid primary key,
    slug       text        not null,
    name       text        not null,
    disabled   boolean     not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint tenant_slug_format check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$')
);
create unique index tenant_slug_uq on tenant (slug);

-- A user belongs to one tenant; platform users (platform_admin) have no tenant.
create table app_user (
    id            uuid primary key,
    tenant_id     uuid references tenant (id),
    username      text        not null,
    password_hash text        not null,
    roles         text[]      not null,
    disabled      boolean     not null default false,
    version       bigint      not null default 0,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint app_user_username_format check (username = lower(username) and length(username) between 1 and 64),
    constraint app_user_roles_known check (roles <@ array['admin', 'manager', 'finance', 'sales_rep', 'cashier',
        'supervisor', 'auditor', 'platform_admin']::text[] and cardinality(roles) > 0),
    -- platform_admin only on platform users, tenant roles only on tenant users
    constraint app_user_platform_roles check ((tenant_id is null) = (roles = array['platform_admin']::text[]))
);
create unique index app_user_tenant_username_uq on app_user (tenant_id, username) where tenant_id is not null;
create unique index app_user_platform_username_uq on app_user (username) where tenant_id is null;
create index app_user_tenant_id_idx on app_user (tenant_id, id);

-- Refresh tokens: opaque random values stored as SHA-256 hashes; every rotation stays in its family so the reuse
-- of a rotated token can revoke the whole family.
create table refresh_token (
    id          uuid primary key,
    family_id   uuid        not null,
    user_id     uuid        not null references app_user (id),
    tenant_id   uuid,
    token_hash  bytea       not null,
    created_at  timestamptz not null default now(),
    expires_at  timestamptz not null,
    rotated_at  timestamptz,
    revoked_at  timestamptz
);
create unique index refresh_token_hash_uq on refresh_token (token_hash);
create index refresh_token_family_idx on refresh_token (family_id);
create index refresh_token_user_idx on refresh_token (user_id) where revoked_at is null;
create index refresh_token_expires_idx on refresh_token (expires_at);

-- RS256 signing keys. The private key is encrypted (AES-GCM) with the key-encryption key from the environment.
-- A key is published from creation, signs from activates_at (so every verifier has it before the first token),
-- and stays published until the key after it has been active for an access token's lifetime.
create table signing_key (
    kid             text primary key,
    public_jwk      text        not null,
    private_key_enc bytea       not null,
    created_at      timestamptz not null default now(),
    activates_at    timestamptz not null,
    retired_at      timestamptz,
    constraint signing_key_kid_format check (kid ~ '^[A-Za-z0-9_-]{1,64}$')
);
