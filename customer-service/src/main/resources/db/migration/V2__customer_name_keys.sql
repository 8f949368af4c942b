-- Blocking keys of customer names (the CRM duplicate-rule way): the near-duplicate probe on create looks up the keys a
-- new name shares with active customers instead of scanning trigram posting lists, whose length grows with the
-- tenant (143 ms at 1,000,000 customers). Keys of one name: each normalised word and, for words of four letters or
-- more, the word with one letter deleted ('d:'; two words one typo, plural or missing letter apart share one: the
-- symmetric-delete scheme of spelling correctors), and each pair of adjacent words ('p:'). Words are pg_trgm's:
-- lower-cased runs of letters and digits.
create function customer_name_keys(name text) returns text[]
    language sql immutable strict parallel safe as $$
select coalesce(array_agg(distinct k order by k), '{}'::text[])
from (select w, lead(w) over (order by i) as next
      from unnest(array_remove(regexp_split_to_array(lower(name), '[^[:alnum:]]+'), '')) with ordinality as t(w, i)) words,
     lateral (select 'd:' || w where length(w) >= 2
              union all
              select 'd:' || left(w, j - 1) || substr(w, j + 1) from generate_series(1, length(w)) j where length(w) >= 4
              union all
              select 'p:' || w || ' ' || next where next is not null) as keys(k)
$$;

-- One row per (key, active customer); kept by the triggers below on every write of any path (create, PATCH, import,
-- merge, delete, restore, erase), so no code path can forget it.
create table customer_name_key (
    tenant_id   uuid not null,
    name_key    text not null,
    customer_id uuid not null,
    primary key (tenant_id, name_key, customer_id)
);

create function customer_name_keys_insert() returns trigger language plpgsql as $$
begin
    insert into customer_name_key (tenant_id, name_key, customer_id)
    select n.tenant_id, unnest(customer_name_keys(n.name)), n.id from new_rows n where n.status = 'ACTIVE'
    on conflict do nothing;
    return null;
end
$$;

create function customer_name_keys_update() returns trigger language plpgsql as $$
begin
    delete from customer_name_key k
    using (select o.tenant_id, o.id, unnest(customer_name_keys(o.name)) as name_key
           from old_rows o join new_rows n on n.id = o.id
           where o.status = 'ACTIVE' and (n.status <> 'ACTIVE' or n.name <> o.name or n.tenant_id <> o.tenant_id)) d
    where k.tenant_id = d.tenant_id and k.name_key = d.name_key and k.customer_id = d.id;
    insert into customer_name_key (tenant_id, name_key, customer_id)
    select n.tenant_id, unnest(customer_name_keys(n.name)), n.id
    from new_rows n join old_rows o on o.id = n.id
    where n.status = 'ACTIVE' and (o.status <> 'ACTIVE' or n.name <> o.name or n.tenant_id <> o.tenant_id)
    on conflict do nothing;
    return null;
end
$$;

create function customer_name_keys_delete() returns trigger language plpgsql as $$
begin
    delete from customer_name_key k
    using (select o.tenant_id, o.id, unnest(customer_name_keys(o.name)) as name_key
           from old_rows o where o.status = 'ACTIVE') d
    where k.tenant_id = d.tenant_id and k.name_key = d.name_key and k.customer_id = d.id;
    return null;
end
$$;

create trigger customer_name_keys_insert after insert on customer referencing new table as new_rows
    for each statement execute function customer_name_keys_insert();
create trigger customer_name_keys_update after update on customer referencing old table as old_rows
    new table as new_rows for each statement execute function customer_name_keys_update();
create trigger customer_name_keys_delete after delete on customer referencing old table as old_rows
    for each statement execute function customer_name_keys_delete();

-- Backfill: the keys of every active customer already there.
insert into customer_name_key (tenant_id, name_key, customer_id)
select tenant_id, unnest(customer_name_keys(name)), id from customer where status = 'ACTIVE'
on conflict do nothing;
