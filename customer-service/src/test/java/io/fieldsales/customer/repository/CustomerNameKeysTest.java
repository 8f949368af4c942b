package io.fieldsales.customer.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.fieldsales.customer.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * customer_name_keys (V4, PL/pgSQL) gives, as a set, the keys of V2's SQL definition for every name: the keys already
 * stored were written by V2's function and are deleted by V4's when a name changes, so one missing or extra key would
 * leave rows behind or lose a duplicate.
 */
@QuarkusTest
class CustomerNameKeysTest {

    /** V2's definition, verbatim, as the reference. */
    private static final String V2_KEYS = "(select coalesce(array_agg(distinct k order by k), '{}'::text[])"
            + " from (select w, lead(w) over (order by i) as next"
            + "       from unnest(array_remove(regexp_split_to_array(lower(n.name), '[^[:alnum:]]+'), ''))"
            + "            with ordinality as t(w, i)) words,"
            + "      lateral (select 'd:' || w where length(w) >= 2"
            + "               union all"
            + "               select 'd:' || left(w, j - 1) || substr(w, j + 1) from generate_series(1, length(w)) j"
            + "               where length(w) >= 4"
            + "               union all"
            + "               select 'p:' || w || ' ' || next where next is not null) as keys(k))";

    private static final String V4_KEYS = "(select coalesce(array_agg(distinct k order by k), '{}'::text[])"
            + " from unnest(customer_name_keys(n.name)) as k)";

    /**
     * 3,000 names of 1-7 words drawn from words with double letters, runs of one letter, digits, accents, case,
     * punctuation, one- to three-letter words and repeats.
     */
    private static final String NAMES = "with words as (select array['coffee', 'Shoppe', 'shops', 'shop', 'aaaa',"
            + " 'Café', 'Müller''s', 'O''Brien', '12345', '1001', 'a', 'de', 'Fruit & Veg', 'Spaza', 'MAMA', 'Joyce''s',"
            + " 'ÉCOLE', 'straße', 'x-ray', ' - ', 'Mississippi', 'zzz', 'General Dealer', '4u'] as w)"
            + " select i, (select string_agg(w[1 + abs(hashint4(i * 8 + j)) % cardinality(w)], ' ' order by j)"
            + "            from generate_series(1, 1 + i % 7) j) as name"
            + " from words, generate_series(1, 3000) i";

    @Test
    void theKeysOfEveryNameAreV2sAsASet() {
        assertThat(Db.count("select count(*) from (" + NAMES + ") n")).isEqualTo(3000);
        assertThat(Db.strings("select n.name from (" + NAMES + ") n where " + V2_KEYS + " is distinct from "
                + V4_KEYS + " limit 5")).isEmpty();
        // and there are keys to compare (nothing on both sides would pass the line above)
        assertThat(Db.count("select sum(cardinality(" + V2_KEYS + ")) from (" + NAMES + ") n"))
                .isGreaterThan(40_000);
    }

    @Test
    void aWordsOwnKeysComeOnceEvenWithDoubleLetters() {
        assertThat(Db.strings("select unnest(customer_name_keys('Coffee'))"))
                .containsExactlyInAnyOrder("d:cffee", "d:coffe", "d:coffee", "d:cofee", "d:offee");
        assertThat(Db.strings("select unnest(customer_name_keys('Zzzz Mart'))"))
                .containsExactlyInAnyOrder("d:mar", "d:mart", "d:mat", "d:mrt", "d:art", "d:zzz", "d:zzzz",
                        "p:zzzz mart");
        assertThat(Db.strings("select unnest(customer_name_keys(' - '))")).isEmpty();
    }
}
