package com.kaicalls.sdk.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Makes the generated services for {@code KaiCallsClient}. A service's constructor is
 * package-private, so services are obtained from the client only; each service class registers its
 * constructor here when it is initialised (the JDK's {@code SharedSecrets} pattern: no reflection
 * on members). Internal.
 */
public final class ServiceFactories {
  // Keyed by service class; the blocking services take a Transport, the asynchronous ones an
  // AsyncTransport.
  private static final Map<Class<?>, Function<Object, ?>> FACTORIES = new ConcurrentHashMap<>();

  private ServiceFactories() {}

  /**
   * Registers a service's constructor; called from the service's static initialiser.
   *
   * @param type the service class
   * @param factory its constructor
   * @param <T> the transport type it takes
   * @param <S> the service type
   */
  @SuppressWarnings("unchecked")
  public static <T, S> void register(Class<S> type, Function<T, S> factory) {
    FACTORIES.put(type, (Function<Object, ?>) factory);
  }

  /**
   * Makes a service.
   *
   * @param type the service class
   * @param transport the client's transport (an {@link AsyncTransport} for an asynchronous service)
   * @param <S> the service type
   * @return a new service bound to the transport
   */
  public static <S> S create(Class<S> type, Object transport) {
    Function<Object, ?> factory = FACTORIES.get(type);
    if (factory == null) {
      initialize(
          type); // a class literal does not run the static initialiser that registers the factory
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
