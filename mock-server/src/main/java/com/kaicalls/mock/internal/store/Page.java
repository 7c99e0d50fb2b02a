package com.kaicalls.mock.internal.store;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** One page of a list, rendered as the spec's {@code <X>List} shape. */
public record Page(List<ObjectNode> data, boolean hasMore, String nextCursor) {

  public ObjectNode toJson() {
    ObjectNode list = Json.object();
    list.put("object", "list");
    ArrayNode array = list.putArray("data");
    data.forEach(array::add);
    list.put("has_more", hasMore);
    if (nextCursor == null) {
      list.putNull("next_cursor");
    } else {
      list.put("next_cursor", nextCursor);
    }
    return list;
  }
}
