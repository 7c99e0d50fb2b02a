package com.kaicalls.sdk.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes the generated services for {@code KaiCallsClient}. A service's constructor is package-private, so services
 * are obtained from the client only; each service class registers its constructor here when it is initialised
 * (the JDK's {@code SharedSecrets} pattern: no reflection on members). Internal.
 */
public final class ServiceFactories {
  private static final Map<Class<?>, Function<Transport, ?>> FACTORIES = new ConcurrentHashMap<>();

  private ServiceFactories() {}

  /**
   * Registers a service's constructor; called from the service's static initialiser.
   *
   * @param type the service class
   * @param factory its constructor
   * @param <S> the service type
   */
  public static <S> void register(Class<S> type, Function<Transport, S> factory) {
    FACTORIES.put(type, factory);
  }

  /**
   * Makes a service.
   *
   * @param type the service class
   * @param transport the client's transport
   * @param <S> the service type
   * @return a new service bound to the transport
   */
  public static <S> S create(Class<S> type, Transport transport) {
    Function<Transport, ?> factory = FACTORIES.get(type);
    if (factory == null) {
      initialize(type); // a class literal does not run the static initialiser that registers the factory
      factory = FACTORIES.get(type);
    }
    if (factory == null) throw new IllegalStateException(type.getName() + " registered no factory");
    return type.cast(factory.apply(transport));
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("Cannot load " + type.getName(), e);
    }
  }
}
