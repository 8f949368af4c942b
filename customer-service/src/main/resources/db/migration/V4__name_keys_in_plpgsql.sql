-- The same blocking keys as V2's customer_name_keys, computed in half the time. V2's SQL function cannot be inlined
-- (an aggregate over a window and a lateral union), so every call started an executor for it and sorted its keys:
-- 60-69 ms for 1,000 names on the local stack's PostgreSQL 17 (85-99 ms on 15), a share of every create and of each
-- import chunk's ~450 ms in the database. This one loops over the words in PL/pgSQL (31-38 ms for the same names on
-- 17) and leaves the keys unsorted: every caller unnests them into a join or an insert, where order never mattered.
--
-- Repeats: the one-letter deletions of a double letter are one key ('coffee' less either 'f'), so only the first of
-- a run of equal letters is deleted and a word's own keys are distinct; a key two words of a name both produce
-- ('shop' and 'shops' both give 'd:shop', a word said twice) comes twice, which the callers' on conflict do nothing,
-- in (...) and delete ... using absorb. As a set, the keys are V2's for every name (CustomerNameKeysTest pins it).
create or replace function customer_name_keys(name text) returns text[]
    language plpgsql immutable strict parallel safe as $$
declare
    words text[] := array_remove(regexp_split_to_array(lower(name), '[^[:alnum:]]+'), '');
    n     int    := cardinality(words);
    keys  text[] := '{}';
    w     text;
    len   int;
begin
    for i in 1 .. n loop
        w := words[i];
        len := length(w);
        if len >= 2 then
            keys := keys || ('d:' || w);
        end if;
        if len >= 4 then
            for j in 1 .. len loop
                if j = 1 or substr(w, j, 1) <> substr(w, j - 1, 1) then
                    keys := keys || ('d:' || left(w, j - 1) || substr(w, j + 1));
                end if;
            end loop;
        end if;
        if i < n then
            keys := keys || ('p:' || w || ' ' || words[i + 1]);
        end if;
    end loop;
    return keys;
end
$$;
