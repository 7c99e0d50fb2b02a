/**
 * KaiCalls for Spring Boot: the {@code kaicalls.*} properties, the client customizer, the webhook
 * deduplication store and the event published for kinds this SDK version does not know.
 */
package com.kaicalls.spring;
