-- Common name keys kept once, not once per customer. A key shared by more than 50 active customers of a tenant
-- ("d:store", "p:general store") is left out by the probe on create like a stop word, yet V2 kept a row for every
-- customer having it: ~30 of a name's ~36 keys are common in a real tenant, so a create inserted ~36 index entries
-- (28 million rows at 1,000,000 customers) and the probe read 51 entries of each common key only to skip it. Measured
-- in the local stack under 75 creates/s: the key insert 2.7 ms and the probe 5.9 ms of PostgreSQL time per create,
-- most of the database's share of a create.
--
-- From here a common key is one marker row (customer_id = the nil uuid) and no customer rows: a new customer's key
-- that has the marker is not stored, and the key that passes 50 customers gets the marker and loses its customer
-- rows. A key once common stays common (deleting customers does not bring it back): common words stay common, and
-- the probe stays bounded whatever the tenant does. The marker holds a word or word pair shared by more than 50
-- customers, nothing of one person, so erasing a customer leaves it.
-- Its statements run with generic plans: PL/pgSQL would otherwise plan them afresh for each call (custom plans for
-- array parameters), 2.6 ms of planning per create in the local stack; the plans are index probes whatever the size.
create function customer_name_keys_add(tenants uuid[], ids uuid[], names text[]) returns void
    language plpgsql set plan_cache_mode = force_generic_plan as $$
declare
    key_tenants uuid[];
    key_names   text[];
begin
    with added as (
        insert into customer_name_key (tenant_id, name_key, customer_id)
        select n.tenant_id, k.name_key, n.id
        from unnest(tenants, ids, names) as n(tenant_id, id, name), unnest(customer_name_keys(n.name)) as k(name_key)
        where not exists (select 1 from customer_name_key m where m.tenant_id = n.tenant_id
                          and m.name_key = k.name_key and m.customer_id = '00000000-0000-0000-0000-000000000000')
        on conflict do nothing
        returning tenant_id, name_key)
    select array_agg(tenant_id order by tenant_id, name_key), array_agg(name_key order by tenant_id, name_key)
    into key_tenants, key_names
    from (select distinct tenant_id, name_key from added) d;
    if key_tenants is null then
        return;
    end if;
    -- a separate statement, so that it sees the rows just added; keys in a fixed order, so that two transactions
    -- making keys common at once lock them in the same order
    with common as (
        select t.tenant_id, t.name_key
        from unnest(key_tenants, key_names) as t(tenant_id, name_key)
        where (select count(*) from (select 1 from customer_name_key c
                                     where c.tenant_id = t.tenant_id and c.name_key = t.name_key limit 51) x) > 50),
    marked as (
        insert into customer_name_key (tenant_id, name_key, customer_id)
        select tenant_id, name_key, '00000000-0000-0000-0000-000000000000' from common order by tenant_id, name_key
        on conflict do nothing)
    delete from customer_name_key c using common m
    where c.tenant_id = m.tenant_id and c.name_key = m.name_key
      and c.customer_id <> '00000000-0000-0000-0000-000000000000';
end
$$;

create or replace function customer_name_keys_insert() returns trigger language plpgsql as $$
begin
    perform customer_name_keys_add(array_agg(n.tenant_id), array_agg(n.id), array_agg(n.name))
    from new_rows n where n.status = 'ACTIVE' having count(*) > 0;
    return null;
end
$$;

create or replace function customer_name_keys_update() returns trigger language plpgsql as $$
begin
    delete from customer_name_key k
    using (select o.tenant_id, o.id, unnest(customer_name_keys(o.name)) as name_key
           from old_rows o join new_rows n on n.id = o.id
           where o.status = 'ACTIVE' and (n.status <> 'ACTIVE' or n.name <> o.name or n.tenant_id <> o.tenant_id)) d
    where k.tenant_id = d.tenant_id and k.name_key = d.name_key and k.customer_id = d.id;
    perform customer_name_keys_add(array_agg(n.tenant_id), array_agg(n.id), array_agg(n.name))
    from new_rows n join old_rows o on o.id = n.id
    where n.status = 'ACTIVE' and (o.status <> 'ACTIVE' or n.name <> o.name or n.tenant_id <> o.tenant_id)
    having count(*) > 0;
    return null;
end
$$;

-- The keys already common: the marker in, their customer rows out.
insert into customer_name_key (tenant_id, name_key, customer_id)
select tenant_id, name_key, '00000000-0000-0000-0000-000000000000'
from customer_name_key group by tenant_id, name_key having count(*) > 50
on conflict do nothing;
delete from customer_name_key k
where k.customer_id <> '00000000-0000-0000-0000-000000000000'
  and exists (select 1 from customer_name_key m where m.tenant_id = k.tenant_id and m.name_key = k.name_key
              and m.customer_id = '00000000-0000-0000-0000-000000000000');
