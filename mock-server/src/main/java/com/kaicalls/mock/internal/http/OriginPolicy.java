package com.kaicalls.mock.internal.http;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one origin policy. A request is answered only when its {@code Host} names the loopback
 * ({@code 127.0.0.0/8}, {@code localhost}, {@code [::1]}), the address the emulator is bound to, or
 * an allowed host ({@code --allowed-host}); a request from a page of another origin (a foreign
 * {@code Origin}, or {@code Sec-Fetch-Site: cross-site}) may not change anything. Defeats DNS
 * rebinding and cross-site requests from any page a developer visits.
 */
public final class OriginPolicy {

  private static final Pattern IPV4_LOOPBACK =
      Pattern.compile("127(\\.(25[0-5]|2[0-4][0-9]|1?[0-9]{1,2})){3}");

  /** Allowed with any port, lower case, IPv6 in brackets. */
  private final Set<String> names = new HashSet<>();

  /** Allowed with this port only, lower case {@code name:port}. */
  private final Set<String> namesWithPort = new HashSet<>();

  /**
   * @param bindHost the address the server is bound to ({@code 0.0.0.0} and {@code ::} add nothing)
   * @param allowedHosts extra names, each {@code name} (any port) or {@code name:port}
   */
  public OriginPolicy(String bindHost, Collection<String> allowedHosts) {
    names.add("localhost");
    names.add("[::1]");
    String bind = bindHost.toLowerCase(Locale.ROOT);
    if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
      names.add(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
    }
    for (String host : allowedHosts) {
      String h = host.trim().toLowerCase(Locale.ROOT);
      if (hasPort(h)) {
        namesWithPort.add(h);
      } else {
        names.add(h);
      }
    }
  }

  /**
   * Checks an {@code --allowed-host} value: a host name or address, optionally with a port.
   *
   * @throws IllegalArgumentException naming the value when it is not one
   */
  public static String checkAllowedHost(String host) {
    if (host == null
        || !host.matches(
            "[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?")) {
      throw new IllegalArgumentException(
          "--allowed-host must be a host name or address, optionally with :port, was '"
              + host
              + "'");
    }
    return host;
  }

  /**
   * Whether the emulator answers a request with this {@code Host} header ({@code null}: HTTP/1.0,
   * allowed).
   */
  public boolean allowsHost(String hostHeader) {
    if (hostHeader == null) {
      return true;
    }
    String host = hostHeader.trim().toLowerCase(Locale.ROOT);
    if (namesWithPort.contains(host)) {
      return true;
    }
    String name = hasPort(host) ? host.substring(0, host.lastIndexOf(':')) : host;
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    return names.contains(name) || IPV4_LOOPBACK.matcher(name).matches();
  }

  /**
   * Whether a request comes from a browser page of another origin: its {@code Origin} is not {@code
   * http(s)://<Host>} (an opaque {@code null} origin counts as foreign), or the browser says {@code
   * Sec-Fetch-Site: cross-site}.
   */
  public static boolean crossOrigin(String origin, String secFetchSite, String hostHeader) {
    if (secFetchSite != null && secFetchSite.trim().equalsIgnoreCase("cross-site")) {
      return true;
    }
    if (origin == null) {
      return false;
    }
    String o = origin.trim().toLowerCase(Locale.ROOT);
    String host = hostHeader == null ? "" : hostHeader.trim().toLowerCase(Locale.ROOT);
    return host.isEmpty() || !(o.equals("http://" + host) || o.equals("https://" + host));
  }

  private static boolean hasPort(String host) {
    int colon = host.lastIndexOf(':');
    return colon > 0
        && (host.startsWith("[") ? host.charAt(colon - 1) == ']' : host.indexOf(':') == colon);
  }
}
