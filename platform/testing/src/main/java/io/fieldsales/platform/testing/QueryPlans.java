package io.fieldsales.platform.testing;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * How many query plans Hibernate holds (its query interpretation cache), to show that repeated requests do not add
 * plans: Hibernate ORM 7.2 adds one per execution of a native select through its API, which the services therefore
 * send through {@code SessionSql} instead. Reads Hibernate's internals reflectively (test code only).
 */
public final class QueryPlans {

    private QueryPlans() {
    }

    /** The cached plans of the factory behind an injected {@code Mutiny.SessionFactory}. */
    public static int cached(Object mutinySessionFactory) {
        try {
            Object factory = mutinySessionFactory;
            for (Method m : factory.getClass().getMethods()) {
                if (m.getName().equals("arc_contextualInstance") && m.getParameterCount() == 0) {
                    factory = m.invoke(factory);
                    break;
                }
            }
            Field delegate = field(factory.getClass(), "delegate");
            delegate.setAccessible(true);
            Object ormFactory = delegate.get(factory);
            Object engine = ormFactory.getClass().getMethod("getQueryEngine").invoke(ormFactory);
            Object cache = engine.getClass().getMethod("getInterpretationCache").invoke(engine);
            Method count = cache.getClass().getMethod("getNumberOfCachedQueryPlans");
            count.setAccessible(true);
            return (Integer) count.invoke(cache);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read Hibernate's query plan cache", e);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // keep looking up the hierarchy
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName());
    }
}
