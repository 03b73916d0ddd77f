package dev.hourglass.cli;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the {@link OrdersStore#withOrders()}, made once for the whole test run and closed at its end; tests
 * only read it, so that what they see does not depend on the order they run in.
 */
final class OrdersStoreExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OrdersStore.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(OrdersStoreExtension.class))
                .computeIfAbsent(OrdersStore.class, key -> OrdersStore.withOrders(), OrdersStore.class);
    }
}
