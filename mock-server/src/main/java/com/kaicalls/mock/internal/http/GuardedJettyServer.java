package com.kaicalls.mock.internal.http;

import com.github.tomakehurst.wiremock.core.Options;
import com.github.tomakehurst.wiremock.http.AdminRequestHandler;
import com.github.tomakehurst.wiremock.http.HttpServerFactory;
import com.github.tomakehurst.wiremock.http.StubRequestHandler;
import com.github.tomakehurst.wiremock.jetty11.Jetty11HttpServer;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHandler;
import org.eclipse.jetty.servlets.CrossOriginFilter;

/**
 * WireMock's Jetty 11 server with the emulator's HTTP rules: a {@link RequestGuard} in front of
 * everything, JSON error pages at every level ({@link JsonErrorHandler}) and no CORS filter on the
 * admin API (WireMock's grants every origin).
 */
public final class GuardedJettyServer extends Jetty11HttpServer {

  private GuardedJettyServer(
      Options options, AdminRequestHandler admin, StubRequestHandler stubs, OriginPolicy policy) {
    super(options, admin, stubs);
    RequestGuard guard = new RequestGuard(policy);
    guard.setHandler(jettyServer.getHandler());
    jettyServer.setHandler(guard);
    jettyServer.setErrorHandler(new JsonErrorHandler());
    // Jetty waits for the first body byte before dispatching; the guard must see an oversized
    // Content-Length at once, body or not.
    for (Connector connector : jettyServer.getConnectors()) {
      HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
      if (http != null) {
        http.getHttpConfiguration().setDelayDispatchUntilContent(false);
      }
    }
  }

  /** A factory for {@code WireMockConfiguration.httpServerFactory(...)}. */
  public static HttpServerFactory factory(OriginPolicy policy) {
    return (options, admin, stubs) -> new GuardedJettyServer(options, admin, stubs, policy);
  }

  @Override
  protected void decorateMockServiceContextAfterConfig(ServletContextHandler context) {
    context.setErrorHandler(new JsonErrorHandler());
  }

  @Override
  protected void decorateAdminServiceContextAfterConfig(ServletContextHandler context) {
    context.setErrorHandler(new JsonErrorHandler());
    ServletHandler servlets = context.getServletHandler();
    FilterHolder[] kept =
        Arrays.stream(servlets.getFilters())
            .filter(f -> !CrossOriginFilter.class.equals(f.getHeldClass()))
            .toArray(FilterHolder[]::new);
    Set<String> names = Arrays.stream(kept).map(FilterHolder::getName).collect(Collectors.toSet());
    servlets.setFilterMappings(
        Arrays.stream(servlets.getFilterMappings())
            .filter(m -> names.contains(m.getFilterName()))
            .toArray(org.eclipse.jetty.servlet.FilterMapping[]::new));
    servlets.setFilters(kept);
  }
}
