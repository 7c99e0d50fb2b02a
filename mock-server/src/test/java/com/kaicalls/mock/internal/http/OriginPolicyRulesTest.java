package com.kaicalls.mock.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyRulesTest {

  @Test
  void aSpecificBindAddressIsAnsweredAndTheWildcardAddsNothing() {
    assertThat(new OriginPolicy("192.168.1.20", List.of()).allowsHost("192.168.1.20:8089"))
        .isTrue();
    assertThat(new OriginPolicy("0.0.0.0", List.of()).allowsHost("0.0.0.0:8089")).isFalse();
    assertThat(new OriginPolicy("0.0.0.0", List.of()).allowsHost("192.168.1.20:8089")).isFalse();
  }

  @Test
  void anIpv6BindAddressIsAnsweredInBrackets() {
    assertThat(new OriginPolicy("fd00::5", List.of()).allowsHost("[fd00::5]:8089")).isTrue();
  }

  @Test
  void anAllowedHostWithAPortAllowsOnlyThatPort() {
    OriginPolicy policy = new OriginPolicy("127.0.0.1", List.of("Tunnel.Example:443"));

    assertThat(policy.allowsHost("tunnel.example:443")).isTrue();
    assertThat(policy.allowsHost("tunnel.example")).isFalse();
    assertThat(policy.allowsHost("tunnel.example:8443")).isFalse();
  }

  @Test
  void aTrailingDotStillNamesTheLoopback() {
    assertThat(new OriginPolicy("127.0.0.1", List.of()).allowsHost("localhost.:8089")).isTrue();
  }

  @Test
  void octetsOutOfRangeAreNotTheLoopback() {
    assertThat(new OriginPolicy("127.0.0.1", List.of()).allowsHost("127.0.0.256")).isFalse();
  }

  @Test
  void anOpaqueNullOriginIsForeign() {
    assertThat(OriginPolicy.crossOrigin("null", null, "127.0.0.1:8089")).isTrue();
  }

  @Test
  void theSameAuthorityOverHttpOrHttpsIsSameOrigin() {
    assertThat(OriginPolicy.crossOrigin("http://127.0.0.1:8089", null, "127.0.0.1:8089")).isFalse();
    assertThat(OriginPolicy.crossOrigin("https://tunnel.example", null, "tunnel.example"))
        .isFalse();
  }

  @Test
  void anotherPortOnTheLoopbackIsAnotherOrigin() {
    assertThat(OriginPolicy.crossOrigin("http://localhost:3000", "same-site", "localhost:8089"))
        .isTrue();
  }

  @Test
  void noOriginAndNoFetchMetadataIsNotABrowserCrossOriginRequest() {
    assertThat(OriginPolicy.crossOrigin(null, null, "127.0.0.1:8089")).isFalse();
    assertThat(OriginPolicy.crossOrigin(null, "none", "127.0.0.1:8089")).isFalse();
  }

  @Test
  void anAllowedHostMustBeAHostName() {
    assertThatThrownBy(() -> OriginPolicy.checkAllowedHost("evil.example/path"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--allowed-host");
  }
}
