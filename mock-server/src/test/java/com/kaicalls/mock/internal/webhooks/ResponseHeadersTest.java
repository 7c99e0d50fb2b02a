package com.kaicalls.mock.internal.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The receiver's response headers are stored lower-cased, joined and bounded. */
class ResponseHeadersTest {

  private static HttpHeaders headers(Map<String, List<String>> map) {
    return HttpHeaders.of(map, (name, value) -> true);
  }

  @Test
  void namesAreLowerCasedAndARepeatedHeadersValuesJoinedWithACommaAndSpace() {
    Map<String, String> kept =
        ResponseHeaders.bounded(
            headers(Map.of("Set-Cookie", List.of("a=1", "b=2"), "X-Trace", List.of("t1"))));

    assertThat(kept)
        .containsExactly(Map.entry("set-cookie", "a=1, b=2"), Map.entry("x-trace", "t1"));
  }

  @Test
  void headersBeyondTheByteBoundAreDroppedFromTheFirstThatDoesNotFit() {
    String kilobyte = "v".repeat(1024);
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      map.put("x-" + i, List.of(kilobyte));
    }

    Map<String, String> kept = ResponseHeaders.bounded(headers(map));

    assertThat(kept).hasSize(7).containsKeys("x-0", "x-6").doesNotContainKeys("x-7", "x-9");
    int bytes =
        kept.entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length()).sum();
    assertThat(bytes).isLessThanOrEqualTo(ResponseHeaders.MAX_BYTES);
  }

  @Test
  void noMoreThanTheMaximumNumberOfHeadersIsKept() {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < ResponseHeaders.MAX_HEADERS + 5; i++) {
      map.put(String.format("x-%03d", i), List.of("v"));
    }

    assertThat(ResponseHeaders.bounded(headers(map)))
        .hasSize(ResponseHeaders.MAX_HEADERS)
        .containsKey("x-000")
        .doesNotContainKey(String.format("x-%03d", ResponseHeaders.MAX_HEADERS));
  }
}
