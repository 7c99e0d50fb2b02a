package com.kaicalls.spring.internal;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the webhook endpoint is wanted: {@code kaicalls.webhooks.enabled=true}, or unset
 * with at least one {@code kaicalls.webhooks.secrets}.
 */
public final class WebhooksEnabledCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    Binder binder = Binder.get(context.getEnvironment());
    Boolean enabled = binder.bind("kaicalls.webhooks.enabled", Boolean.class).orElse(null);
    if (Boolean.FALSE.equals(enabled)) {
      return ConditionOutcome.noMatch("kaicalls.webhooks.enabled is false");
    }
    if (Boolean.TRUE.equals(enabled)) {
      return ConditionOutcome.match("kaicalls.webhooks.enabled is true");
    }
    List<String> secrets =
        binder.bind("kaicalls.webhooks.secrets", Bindable.listOf(String.class)).orElse(List.of());
    return secrets.stream().anyMatch(s -> s != null && !s.isBlank())
        ? ConditionOutcome.match("kaicalls.webhooks.secrets is set")
        : ConditionOutcome.noMatch("no kaicalls.webhooks.secrets is set");
  }
}
