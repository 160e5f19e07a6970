package org.guichet.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts every JDBC statement the application prepares or creates on the current thread, whatever sends it:
 * Hibernate, JdbcTemplate, Spring Session. Hibernate's statistics alone miss what JdbcTemplate runs. It wraps the
 * application's DataSource; statements are only recorded inside {@link #statements}.
 */
public class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<List<String>> STATEMENTS_RUN = new ThreadLocal<>();

    /** The statements the action ran on this thread, in order: their SQL, or the call for a plain statement. */
    public static List<String> statements(Callable<?> action) throws Exception {
        List<String> run = new ArrayList<>();
        STATEMENTS_RUN.set(run);
        try {
            action.call();
        } finally {
            STATEMENTS_RUN.remove();
        }
        return run;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(Proxy.isProxyClass(bean.getClass()))) {
            return proxy(DataSource.class, dataSource, (target, method, arguments) -> {
                Object result = invoke(target, method, arguments);
                return result instanceof Connection connection ? counting(connection) : result;
            });
        }
        return bean;
    }

    private static Connection counting(Connection connection) {
        return proxy(Connection.class, connection, (target, method, arguments) -> {
            List<String> run = STATEMENTS_RUN.get();
            if (run != null && STATEMENTS.contains(method.getName())) {
                run.add(arguments != null && arguments.length > 0 && arguments[0] instanceof String sql
                        ? sql : method.getName());
            }
            return invoke(target, method, arguments);
        });
    }

    private interface Call {
        Object on(Object target, Method method, Object[] arguments) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getName().equals("equals") && arguments.length == 1) {
                return proxy == arguments[0];
            }
            if (method.getName().equals("hashCode") && arguments == null) {
                return System.identityHashCode(proxy);
            }
            if (method.getName().equals("unwrap") && arguments.length == 1
                    && ((Class<?>) arguments[0]).isInstance(target)) {
                return target;
            }
            if (method.getName().equals("isWrapperFor") && arguments.length == 1
                    && ((Class<?>) arguments[0]).isInstance(target)) {
                return true;
            }
            return call.on(target, method, arguments);
        };
        return (T) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getTargetException();
        }
    }
}
